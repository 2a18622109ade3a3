// Where an editor changes an article: its file in the repository, opened in the hosting site's editor.
import { site, type SiteConfig } from './site';

/** `https://github.com/o/r/edit/main/content/posts/a.md`; each path segment is percent-encoded once. */
export function editUrl(file: string, config: Pick<SiteConfig, 'repositoryUrl' | 'repositoryBranch'> = site): string {
  const encoded = file.split('/').map(encodeURIComponent).join('/');
  return `${config.repositoryUrl.replace(/\/+$/, '')}/edit/${encodeURIComponent(config.repositoryBranch)}/${encoded}`;
}
