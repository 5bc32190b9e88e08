/**
 * After an update to this version failed (and was undone), it may work on a second try: the disk
 * had filled up, say, and now has room. Trying again opens the update screen once more; when the
 * update is done, `data:status` brings the app back.
 */
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import { invalidate } from '../../api/queries';

export function TryUpdateAgain() {
  const [trying, setTrying] = useState(false);
  const [result, setResult] = useState<string>();

  const tryAgain = async () => {
    setTrying(true);
    setResult(undefined);
    try {
      const now = await api.invoke('data:reopen', {});
      if (now.state === 'recovery') setResult(`It did not work this time either. ${now.message}`);
      else invalidate('data:status');
    } catch (caught) {
      setResult(caught instanceof ApiError ? caught.message : 'That did not work. Nothing was changed.');
    } finally {
      setTrying(false);
    }
  };

  return (
    <>
      <p>
        <button type="button" className="button" disabled={trying} onClick={() => void tryAgain()}>
          {trying ? 'Trying…' : 'Try the update again'}
        </button>
      </p>
      <p role="status" className="muted">
        {result}
      </p>
    </>
  );
}
