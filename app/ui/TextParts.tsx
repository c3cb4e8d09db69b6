import { Link } from "react-router";

/** Links to the other parts of a long article's text (plain links: they work without JavaScript). */
export function TextParts({ articleId, part, parts }: { articleId: number; part: number; parts: number }) {
  if (parts <= 1) return null;
  const href = (n: number) => (n === 1 ? `/articles/${articleId}` : `/articles/${articleId}?part=${n}`);
  return (
    <nav className="pager" aria-label="Parts of the article text">
      <p className="hint">
        A long article is shown a part at a time: this is part {part} of {parts}.
      </p>
      <ul className="quick-views">
        {Array.from({ length: parts }, (_, i) => i + 1).map((n) => (
          <li key={n}>
            {n === part ? <span aria-current="page">Part {n}</span> : <Link to={href(n)}>Part {n}</Link>}
          </li>
        ))}
      </ul>
    </nav>
  );
}
