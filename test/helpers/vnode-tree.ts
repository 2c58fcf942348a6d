// Reading what a Preact component returns, without a DOM: the element tree as plain values. Function
// components inside it are not called (they may use hooks, which need a renderer); their props are
// walked, so the elements passed to them as children or other props (a screen's `actions`) are found.
import { isValidElement, type ComponentChildren, type VNode } from 'preact';

type Props = Record<string, unknown>;

function* walk(node: unknown): Generator<VNode<Props>> {
  if (Array.isArray(node)) {
    for (const item of node) yield* walk(item);
    return;
  }
  if (!isValidElement(node)) return;
  const element = node as VNode<Props>;
  yield element;
  for (const value of Object.values(element.props)) yield* walk(value);
}

/** Every element in `root` (HTML elements and unexpanded components), depth first. */
export function elementsIn(root: ComponentChildren): VNode<Props>[] {
  return [...walk(root)];
}

/** The HTML elements named `tag` in `root`. */
export function tagsIn(root: ComponentChildren, tag: string): VNode<Props>[] {
  return elementsIn(root).filter((element) => element.type === tag);
}

/** The text an element's children spell, nested elements included. */
export function textOf(node: unknown): string {
  if (typeof node === 'string' || typeof node === 'number') return String(node);
  if (Array.isArray(node)) return node.map(textOf).join('');
  if (!isValidElement(node)) return '';
  return textOf((node as VNode<Props>).props.children);
}
