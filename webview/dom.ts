/**
 * Element building that can only produce text: children given as strings become Text
 * nodes and attributes go through setAttribute. CSV cells, headers and server strings
 * flow through here, so nothing from data is ever parsed as HTML.
 */

export type Attributes = Readonly<Record<string, string | boolean | undefined>>;
export type Child = Node | string | null | undefined | false;

function apply(element: Element, attributes: Attributes, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attributes, children);
  return element;
}

/** A toolkit custom element (`vscode-button`, …), typed by the caller. */
export function custom<T extends HTMLElement>(tag: `vscode-${string}`, attributes: Attributes = {}, ...children: Child[]): T {
  const element = document.createElement(tag) as T;
  apply(element, attributes, children);
  return element;
}

export function replaceChildren(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  apply(parent, {}, children);
}

/** Toggles the `disabled` attribute, which toolkit elements and native controls both honour. */
export function setDisabled(element: Element, disabled: boolean): void {
  element.toggleAttribute('disabled', disabled);
}
