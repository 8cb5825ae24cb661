// The policy pack of the Verbund: `pulumi preview --policy-pack policies/verbund-pflicht`.
// Constructing the pack starts the policy server, so tests import ./policies, never this file.
import { PolicyPack } from '@pulumi/policy';
import { policies } from './policies';

new PolicyPack('verbund-pflicht', { policies });
