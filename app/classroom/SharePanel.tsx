import { formatCode } from "./codes";
import type { QrCode } from "./qr.server";
import { ShareQr } from "./ShareQr";

/** How students reach the exercise (link, QR code, code), when it is due, and what they see. */
export function SharePanel({
  share,
  exercise,
}: {
  share: { url: string; qr: QrCode };
  exercise: {
    code: string;
    status: string;
    mode: "article" | "marked";
    private: boolean;
    article: string;
    /** The due time as students read it, or "" for none. */
    due: string;
  };
}) {
  return (
    <section className="panel share" aria-labelledby="share-heading">
      <h2 id="share-heading">Share with students</h2>
      <div className="share__body">
        <ShareQr qr={share.qr} url={share.url} className="share__qr" />
        <div>
          <p>
            Link: <a href={share.url}>{share.url}</a>
          </p>
          <p>
            Or they go to <strong>{share.url.replace(/\/[^/]+$/, "")}</strong> and type the code{" "}
            <code className="code">{formatCode(exercise.code)}</code>
          </p>
          <p>
            {exercise.due ? <>Due: {exercise.due}. Answers sent after it are marked late.</> : "No due time."}
          </p>
          <p className="meta">
            {exercise.status === "open" ? "Open for answers." : "Closed."} Students see{" "}
            {exercise.mode === "marked" ? "the article with the claims marked" : "the article alone"}.{" "}
            {exercise.private
              ? `From your own article “${exercise.article}”, not published: its answers show only in each student's reveal.`
              : `From the fact-check of “${exercise.article}”.`}
          </p>
        </div>
      </div>
    </section>
  );
}
