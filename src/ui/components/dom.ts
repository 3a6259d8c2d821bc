type Child = Node | string | null | undefined | false;

/**
 * Creates an element with attributes (`on…` functions become listeners) and children: enough DOM
 * for the notice, which ships without a UI framework to keep a first visit's download small.
 */
export function el(
  tag: string,
  attributes: Record<string, string | ((event: Event) => void) | undefined>,
  ...children: (Child | Child[])[]
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value !== undefined) element.setAttribute(name, value);
  }
  element.append(...children.flat().filter((child): child is Node | string => !!child));
  return element;
}
