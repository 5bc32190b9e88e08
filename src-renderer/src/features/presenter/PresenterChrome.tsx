/**
 * What makes the shared screen a screen to present from: the brand, full screen, a blank screen
 * and the clicker's keys, all in the presenter window itself.
 */
import { useCallback, useEffect, useState } from 'react';
import type { CSSProperties, MouseEvent } from 'react';
import type { Step } from '@shared/workshop';
import { useQuery } from '../../api/queries';
import { logoSource, presenterBrand } from './brand';
import type { PresenterBrand } from './brand';
import { presenterKeyAction, stepFor } from './keys';

/** The brand the session's report uses (report:settings names it, brands:list holds it). */
export function usePresenterBrand(sessionId: string): PresenterBrand {
  const settings = useQuery('report:settings', { sessionId });
  const brands = useQuery('brands:list', {});
  return presenterBrand(settings.data?.brandId, brands.data);
}

/** The brand's colours as CSS variables, for the rule under the header, the title and the bars. */
export const brandStyle = (brand: PresenterBrand) =>
  ({ '--brand-primary': brand.primaryColor, '--brand-accent': brand.accentColor }) as CSSProperties;

/** The brand's logo, or its name in its colour when it has none (as the report's cover does). */
export function BrandMark({ brand }: { brand: PresenterBrand }) {
  return brand.logo ? (
    <img className="presenter__logo" src={logoSource(brand.logo)} alt={brand.companyName} />
  ) : (
    <p className="presenter__company">
      <bdi>{brand.companyName}</bdi>
    </p>
  );
}

/** The Fullscreen API, in the browser host and in the Electron presenter window alike. */
export function useFullscreen() {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, []);
  const toggle = useCallback(() => {
    // A browser may refuse (no key or click behind the request, or a policy): the screen simply
    // stays as it is, and the button still offers it.
    const request = document.fullscreenElement
      ? document.exitFullscreen()
      : document.documentElement.requestFullscreen();
    request.catch(() => setActive(document.fullscreenElement !== null));
  }, []);
  return { active, toggle };
}

type KeyHandlers = {
  step: Step | undefined;
  moveTo: (step: Step) => void;
  blank: boolean;
  setBlank: (blank: boolean) => void;
  toggleFullscreen: () => void;
};

/**
 * The presenter's keys at window level, whatever has focus, and before the app's own shortcuts
 * (capture phase): a clicker aimed at this window moves the workshop for everyone, and F5 neither
 * reloads it nor opens another shared screen. The page takes focus when it opens, so the first
 * click of the clicker already lands here.
 */
export function usePresenterKeys({ step, moveTo, blank, setBlank, toggleFullscreen }: KeyHandlers) {
  // Once, when the page opens: later (a step changed from the console) it would pull the
  // presenter window in front of the facilitator's.
  useEffect(() => window.focus(), []);
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      // Space and Enter on a focused button press that button.
      const onButton = event.target instanceof HTMLButtonElement;
      if (onButton && (event.key === ' ' || event.key === 'Enter') && !blank) return;
      const action = presenterKeyAction(event, blank);
      if (!action) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'unblank') setBlank(false);
      else if (action === 'toggle-blank') setBlank(true);
      else if (action === 'fullscreen') toggleFullscreen();
      else if (action !== 'swallow' && step) {
        const target = stepFor(action, step);
        if (target) moveTo(target);
      }
    };
    window.addEventListener('keydown', onKeyDown, { capture: true });
    return () => window.removeEventListener('keydown', onKeyDown, { capture: true });
  }, [step, moveTo, blank, setBlank, toggleFullscreen]);
}

/** A click leaves no focus on the button, so the clicker's next Space moves the slide, not it. */
function press(event: MouseEvent<HTMLButtonElement>, action: () => void) {
  event.currentTarget.blur();
  action();
}

/** Small, quiet buttons for the same actions, for a facilitator with a mouse. */
export function PresenterControls({
  fullscreen,
  onFullscreen,
  onBlank,
}: {
  fullscreen: boolean;
  onFullscreen: () => void;
  onBlank: () => void;
}) {
  return (
    <div className="presenter__controls" role="group" aria-label="Presenter controls">
      <button type="button" className="presenter__control" onClick={(event) => press(event, onFullscreen)}>
        {fullscreen ? 'Leave full screen' : 'Full screen'} <kbd>F</kbd>
      </button>
      <button type="button" className="presenter__control" onClick={(event) => press(event, onBlank)}>
        Blank screen <kbd>B</kbd>
      </button>
    </div>
  );
}

/** The blank screen: black, as in presentation software; any key or a click brings the slide back. */
export function BlankScreen({ onReturn }: { onReturn: () => void }) {
  return (
    <div className="presenter__blank" data-testid="presenter-blank" onClick={onReturn}>
      <p className="visually-hidden" role="status">
        The screen is blank. Press any key to return.
      </p>
    </div>
  );
}
