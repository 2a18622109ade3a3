// The components an .mdx article may use, and what each attribute of them accepts. The registry in
// components/mdx-components.tsx is typed against this list and the components' props are derived from it, so
// the content check (which runs without React) and the renderer cannot disagree.

/** Each attribute: any text, or one of a few values. Attributes are text only: MDX expressions are stripped. */
export const MDX_COMPONENT_ATTRIBUTES = {
  Gallery: { caption: 'text', columns: ['1', '2', '3', '4'] },
  Callout: { type: ['note', 'warning'], title: 'text' },
} as const satisfies Record<string, Record<string, 'text' | readonly string[]>>;

export type MdxComponentName = keyof typeof MDX_COMPONENT_ATTRIBUTES;
export const MDX_COMPONENT_NAMES = Object.keys(MDX_COMPONENT_ATTRIBUTES) as readonly MdxComponentName[];

/** The props a component receives from an article, all optional: `columns?: '1' | '2' | '3' | '4'`. */
export type MdxAttributesOf<Name extends MdxComponentName> = {
  [Key in keyof (typeof MDX_COMPONENT_ATTRIBUTES)[Name]]?: (typeof MDX_COMPONENT_ATTRIBUTES)[Name][Key] extends readonly (infer Value)[]
    ? Value
    : string;
};

export function isMdxComponentName(name: string): name is MdxComponentName {
  return Object.hasOwn(MDX_COMPONENT_ATTRIBUTES, name);
}
