/** Where the floating button sits and when it shows: pure, tested in node. */
import type { FloatingButtonPosition, SiteConfig } from '../../core/types.ts';

/** The corner the button sits in; `true` is the left one. */
export const positionOf = (option: SiteConfig['floatingButton']): FloatingButtonPosition =>
  option === 'right' ? 'right' : 'left';

/**
 * Whether the button shows: after a decision, and never over the notice or the preference
 * center's dialog (both are on the page, by their documented ids, while they are open).
 */
export const isButtonShown = (decided: boolean, page: Pick<Document, 'getElementById'>): boolean =>
  decided && !page.getElementById('assent-notice') && !page.getElementById('assent-preferences');

/** A page element the button would cover (by any part): the button should move aside. */
export function covers(button: DOMRect, element: DOMRect): boolean {
  return (
    element.bottom > button.top &&
    element.top < button.bottom &&
    element.right > button.left &&
    element.left < button.right
  );
}
