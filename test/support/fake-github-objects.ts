// The JSON objects the fake GitHub answers with, shaped like GitHub's (every field GitHub's
// OpenAPI description requires is there; test/github/fake-github.test.ts validates them).
export interface FakeUser {
  id: number;
  login: string;
}

export interface Urls {
  /** The fake's API root, e.g. http://127.0.0.1:43123 */
  api: string;
  /** Where the web pages would be. */
  web: string;
}

const TIME = '2026-11-30T08:00:00Z';

export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(String(id)).toString('base64url')}`;
}

export function userObject(user: FakeUser, { api, web }: Urls): Record<string, unknown> {
  const url = `${api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId('U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url,
    html_url: `${web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: 'User',
    user_view_type: 'public',
    site_admin: false,
  };
}

/** The repository's API links (RFC 6570 templates like GitHub's), as "field=path" pairs. */
const REPOSITORY_LINKS =
  'archive_url={archive_format}{/ref} assignees_url=assignees{/user} blobs_url=git/blobs{/sha} branches_url=branches{/branch} collaborators_url=collaborators{/collaborator} comments_url=comments{/number} commits_url=commits{/sha} compare_url=compare/{base}...{head} contents_url=contents/{+path} contributors_url=contributors deployments_url=deployments downloads_url=downloads events_url=events forks_url=forks git_commits_url=git/commits{/sha} git_refs_url=git/refs{/sha} git_tags_url=git/tags{/sha} hooks_url=hooks issue_comment_url=issues/comments{/number} issue_events_url=issues/events{/number} issues_url=issues{/number} keys_url=keys{/key_id} labels_url=labels{/name} languages_url=languages merges_url=merges milestones_url=milestones{/number} notifications_url=notifications{?since,all,participating} pulls_url=pulls{/number} releases_url=releases{/id} stargazers_url=stargazers statuses_url=statuses/{sha} subscribers_url=subscribers subscription_url=subscription tags_url=tags teams_url=teams trees_url=git/trees{/sha}';

function templatedUrls(url: string): Record<string, string> {
  return Object.fromEntries(
    REPOSITORY_LINKS.split(' ').map((pair) => {
      const [field, path] = pair.split('=');
      return [field, `${url}/${path}`];
    }),
  );
}

export function repositoryObject(owner: string, name: string, urls: Urls): Record<string, unknown> {
  const full = `${owner}/${name}`;
  const url = `${urls.api}/repos/${full}`;
  return {
    id: 700001,
    node_id: nodeId('R', full),
    name,
    full_name: full,
    owner: { ...userObject({ id: 600001, login: owner }, urls), type: 'Organization' },
    private: false,
    html_url: `${urls.web}/${full}`,
    description: 'Governance des Verbunds',
    fork: false,
    url,
    ...templatedUrls(url),
    git_url: `git://github.com/${full}.git`,
    ssh_url: `git@github.com:${full}.git`,
    clone_url: `${urls.web}/${full}.git`,
    mirror_url: null,
    svn_url: `${urls.web}/${full}`,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 512,
    default_branch: 'main',
    open_issues_count: 1,
    open_issues: 1,
    has_issues: true,
    has_projects: false,
    has_wiki: false,
    has_pages: false,
    has_downloads: true,
    archived: false,
    disabled: false,
    visibility: 'public',
    license: {
      key: 'eupl-1.2',
      name: 'European Union Public License 1.2',
      spdx_id: 'EUPL-1.2',
      url: `${urls.api}/licenses/eupl-1.2`,
      node_id: 'MDc6TGljZW5zZTQx',
    },
    pushed_at: TIME,
    created_at: '2026-01-05T09:00:00Z',
    updated_at: TIME,
  };
}

export interface PullFacts {
  owner: string;
  repo: string;
  number: number;
  author: FakeUser;
  title: string;
  body: string | null;
  baseSha: string;
  headSha: string;
  changedFiles: number;
  /** The commit GitHub merged it as; absent: still open. */
  mergedAs?: string;
}

export function pullRequestObject(pr: PullFacts, urls: Urls): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${pr.owner}/${pr.repo}`;
  const url = `${repoUrl}/pulls/${pr.number}`;
  const html = `${urls.web}/${pr.owner}/${pr.repo}/pull/${pr.number}`;
  const issue = `${repoUrl}/issues/${pr.number}`;
  const repository = repositoryObject(pr.owner, pr.repo, urls);
  const side = (ref: string, sha: string) => ({ label: `${pr.owner}:${ref}`, ref, sha, user: repository.owner, repo: repository });
  const href = (h: string) => ({ href: h });
  return {
    url,
    id: 900000 + pr.number,
    node_id: nodeId('PR', pr.number),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: issue,
    commits_url: `${url}/commits`,
    review_comments_url: `${url}/comments`,
    review_comment_url: `${repoUrl}/pulls/comments{/number}`,
    comments_url: `${issue}/comments`,
    statuses_url: `${repoUrl}/statuses/${pr.headSha}`,
    number: pr.number,
    state: pr.mergedAs ? 'closed' : 'open',
    locked: false,
    title: pr.title,
    user: userObject(pr.author, urls),
    body: pr.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: '2026-11-29T15:00:00Z',
    updated_at: TIME,
    closed_at: pr.mergedAs ? TIME : null,
    merged_at: pr.mergedAs ? TIME : null,
    merge_commit_sha: pr.mergedAs ?? null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side('aenderung', pr.headSha),
    base: side('main', pr.baseSha),
    _links: {
      self: href(url),
      html: href(html),
      issue: href(issue),
      comments: href(`${issue}/comments`),
      review_comments: href(`${url}/comments`),
      review_comment: href(`${repoUrl}/pulls/comments{/number}`),
      commits: href(`${url}/commits`),
      statuses: href(`${repoUrl}/statuses/${pr.headSha}`),
    },
    author_association: 'MEMBER',
    auto_merge: null,
    draft: false,
    merged: pr.mergedAs !== undefined,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'blocked',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: pr.changedFiles,
    deletions: 0,
    changed_files: pr.changedFiles,
  };
}

export interface FileFacts {
  filename: string;
  status?: 'added' | 'removed' | 'modified' | 'renamed';
  previous_filename?: string;
}

export function diffEntryObject(file: FileFacts, owner: string, repo: string, headSha: string, urls: Urls): Record<string, unknown> {
  const path = file.filename.split('/').map(encodeURIComponent).join('/');
  return {
    sha: 'f'.repeat(40),
    filename: file.filename,
    status: file.status ?? (file.previous_filename ? 'renamed' : 'modified'),
    additions: 1,
    deletions: 0,
    changes: 1,
    blob_url: `${urls.web}/${owner}/${repo}/blob/${headSha}/${path}`,
    raw_url: `${urls.web}/${owner}/${repo}/raw/${headSha}/${path}`,
    contents_url: `${urls.api}/repos/${owner}/${repo}/contents/${path}?ref=${headSha}`,
    ...(file.previous_filename ? { previous_filename: file.previous_filename } : { patch: '@@ -1 +1,2 @@\n a\n+b' }),
  };
}

export interface ReviewFacts {
  id: number;
  /** null: the account was deleted (GitHub shows no user). */
  user: FakeUser | null;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  submitted_at?: string;
  commit_id: string | null;
}

export function reviewObject(review: ReviewFacts, pr: { owner: string; repo: string; number: number }, urls: Urls): Record<string, unknown> {
  const prUrl = `${urls.api}/repos/${pr.owner}/${pr.repo}/pulls/${pr.number}`;
  const html = `${urls.web}/${pr.owner}/${pr.repo}/pull/${pr.number}#pullrequestreview-${review.id}`;
  return {
    id: review.id,
    node_id: nodeId('PRR', review.id),
    user: review.user ? userObject(review.user, urls) : null,
    body: '',
    state: review.state,
    html_url: html,
    pull_request_url: prUrl,
    author_association: 'MEMBER',
    _links: { html: { href: html }, pull_request: { href: prUrl } },
    ...(review.submitted_at ? { submitted_at: review.submitted_at } : {}),
    commit_id: review.commit_id,
  };
}

export function gitCommitObject(sha: string, tree: string, owner: string, repo: string, urls: Urls): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${owner}/${repo}`;
  const person = { name: 'Referentin Digital', email: 'digital@example.org', date: '2026-11-29T14:00:00Z' };
  return {
    sha,
    node_id: nodeId('C', sha),
    url: `${repoUrl}/git/commits/${sha}`,
    html_url: `${urls.web}/${owner}/${repo}/commit/${sha}`,
    author: person,
    committer: person,
    message: 'Änderung der Governance',
    tree: { sha: tree, url: `${repoUrl}/git/trees/${tree}` },
    parents: [],
    verification: { verified: false, reason: 'unsigned', signature: null, payload: null, verified_at: null },
  };
}

/** A commit as the REST commits and compare endpoints give it (the git commit inside, GitHub's accounts around it). */
export function restCommitObject(sha: string, tree: string, owner: string, repo: string, urls: Urls): Record<string, unknown> {
  const repoUrl = `${urls.api}/repos/${owner}/${repo}`;
  const git = gitCommitObject(sha, tree, owner, repo, urls);
  return {
    url: `${repoUrl}/commits/${sha}`,
    sha,
    node_id: nodeId('C', sha),
    html_url: `${urls.web}/${owner}/${repo}/commit/${sha}`,
    comments_url: `${repoUrl}/commits/${sha}/comments`,
    commit: {
      url: git.url,
      author: git.author,
      committer: git.committer,
      message: git.message,
      comment_count: 0,
      tree: git.tree,
      verification: git.verification,
    },
    author: null,
    committer: null,
    parents: [],
  };
}
