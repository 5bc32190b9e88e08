import { ConfirmDialog } from '../../components/ConfirmDialog';

type DeleteSessionDialogProps = {
  session: { clientName: string; projectName: string } | undefined;
  busy: boolean;
  error: string | undefined;
  onConfirm: () => void;
  onCancel: () => void;
};

export function DeleteSessionDialog({ session, busy, error, onConfirm, onCancel }: DeleteSessionDialogProps) {
  return (
    <ConfirmDialog
      open={session !== undefined}
      title="Delete this session?"
      confirmLabel="Delete session"
      tone="danger"
      busy={busy}
      onConfirm={onConfirm}
      onCancel={onCancel}
    >
      <p>
        <strong>
          <bdi>{session?.clientName}</bdi>
        </strong>
        : <bdi>{session?.projectName}</bdi>
      </p>
      <p>
        The session, its participant list, its workshop, its history and its snapshots will be removed from
        this computer. This cannot be undone; to keep a copy, export a session file first.
      </p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
