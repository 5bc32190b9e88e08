/**
 * A few lines instead of a framework: the participant page must load at once on weak Wi-Fi, and
 * React alone is about 68 KB of gzip'd JavaScript, two thirds of the page's budget. Screens are
 * functions that build DOM nodes from state; the page rebuilds a screen when the state changes and
 * puts focus back on the element with the same `data-key` (see `renderInto`).
 */
type AttrValue = string | number | boolean | null | undefined;
type Handler = (event: Event) => void;
export type Props = { [name: string]: AttrValue | Handler };
export type Child = Node | string | null | undefined | false;

/** An element with attributes (`on<event>` props become listeners) and children. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Array<Child | Child[]>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else if (value !== false && value !== null && value !== undefined) {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child);
  }
  return element;
}

/**
 * Replaces `root`'s content with `next`, keeping the scroll position and the focus: the element
 * that had focus is found again in the new tree by its `data-key`, so moving a criterion up the
 * ranking leaves focus on that criterion's button, as a screen reader user expects. A caller that
 * knows better (the pressed button is now disabled) names the element to focus instead.
 */
export function renderInto(root: HTMLElement, next: Node, preferredKey?: string): void {
  const active = document.activeElement;
  const focusKey =
    preferredKey ??
    (active instanceof HTMLElement && root.contains(active) ? active.dataset['key'] : undefined);
  const scroll = window.scrollY;
  root.replaceChildren(next);
  window.scrollTo(0, scroll);
  if (focusKey === undefined) return;
  const again = [...root.querySelectorAll<HTMLElement>('[data-key]')].find(
    (el) => el.dataset['key'] === focusKey,
  );
  again?.focus({ preventScroll: true });
}

/** The closest input element that fired `event`, for handlers that read its value. */
export function inputOf(event: Event): HTMLInputElement | null {
  return event.currentTarget instanceof HTMLInputElement ? event.currentTarget : null;
}
