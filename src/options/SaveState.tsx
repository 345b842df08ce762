/**
 * The line under a settings form saying whether its changes are saved (the main backend and each
 * voice). `neverSaved` says what holds until the first Save.
 */
export function SaveState(props: { saved: boolean; dirty: boolean; neverSaved: string }) {
  return (
    <p class="save-state small" data-testid="save-state" data-dirty={props.dirty}>
      {!props.saved ? props.neverSaved : props.dirty ? 'Unsaved changes.' : 'No unsaved changes.'}
    </p>
  );
}
