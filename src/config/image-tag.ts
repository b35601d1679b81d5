/**
 * Image tags, checked without the config schema's zod: TenantService (in the published package)
 * runs this check too, and the package ships no runtime dependency besides its peers.
 */

const DOCKER_TAG = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/;

/** Why an image tag cannot name a release in an immutable-tag ECR repository, and the fix; undefined when it can. */
export function imageTagProblem(tag: string): { readonly problem: string; readonly fix: string } | undefined {
  if (!DOCKER_TAG.test(tag)) {
    return { problem: 'is not a Docker image tag', fix: '1-128 of letters, digits, _ . - not starting with . or -, e.g. "1.4.2"' };
  }
  // The repositories have immutable tags: `latest` could be pushed once and would then name that
  // first image forever, while readers of the config take it for the newest release.
  if (tag.toLowerCase() === 'latest') {
    return {
      problem: 'is a moving tag, and the ECR repositories have immutable tags (latest can be pushed only once)',
      fix: 'use the release\'s own tag, e.g. "1.4.2" or a commit SHA',
    };
  }
  return undefined;
}
