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
        <strong>{session?.clientName}</strong>: {session?.projectName}
      </p>
      <p>The session and its participant list will be removed from this computer. This cannot be undone.</p>
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </ConfirmDialog>
  );
}
