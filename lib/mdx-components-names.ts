// Names of the components an .mdx article may use. The registry in components/mdx-components.tsx is typed
// against this list, so the content check (which runs without React) and the renderer cannot disagree.
export const MDX_COMPONENT_NAMES = ['Gallery', 'Callout'] as const;
export type MdxComponentName = (typeof MDX_COMPONENT_NAMES)[number];

export function isMdxComponentName(name: string): name is MdxComponentName {
  return (MDX_COMPONENT_NAMES as readonly string[]).includes(name);
}
