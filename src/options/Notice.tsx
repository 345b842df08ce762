/** The one-line outcome under a form: saved, connected, or what went wrong (read out as it changes). */

export type Notice = { kind: 'ok' | 'error' | 'info'; text: string; detail?: string } | null;

export function NoticeView(props: { notice: Notice }) {
  const { notice } = props;
  if (!notice) return null;
  return (
    <div class={`notice ${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <p>{notice.text}</p>
      {notice.detail && <p class="small muted">Server said: {notice.detail}</p>}
    </div>
  );
}
