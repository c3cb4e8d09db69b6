import type { VerdictKey } from "../newsroom/verdicts";
import { STUDENT_VERDICTS, type StudentVerdict } from "./compare";

/** The spread of students' verdicts for one claim as a server-rendered bar chart, labelled in text. */
export function VerdictChart({
  counts,
  published,
  students,
}: {
  counts: Record<StudentVerdict, number>;
  published: VerdictKey;
  students: number;
}) {
  const rowHeight = 22;
  const labelWidth = 190;
  const barWidth = 220;
  const max = Math.max(1, students);
  const summary = STUDENT_VERDICTS.map((v) => `${v.label}: ${counts[v.key]}`).join(", ");
  return (
    <svg
      className="verdict-chart"
      role="img"
      aria-label={`Students' verdicts: ${summary}. Published verdict: ${STUDENT_VERDICTS.find((v) => v.key === published)?.label}.`}
      width={labelWidth + barWidth + 40}
      height={rowHeight * STUDENT_VERDICTS.length + 4}
      viewBox={`0 0 ${labelWidth + barWidth + 40} ${rowHeight * STUDENT_VERDICTS.length + 4}`}
    >
      {STUDENT_VERDICTS.map((v, i) => {
        const y = i * rowHeight + 2;
        const width = (counts[v.key] / max) * barWidth;
        const isPublished = v.key === published;
        return (
          <g key={v.key}>
            <text x={0} y={y + 15} fontSize="13" fill="#1b1f24" fontWeight={isPublished ? 700 : 400}>
              {v.label}
              {isPublished ? " ★" : ""}
            </text>
            <rect x={labelWidth} y={y + 3} width={barWidth} height={rowHeight - 8} fill="#eceef1" />
            <rect
              x={labelWidth}
              y={y + 3}
              width={width}
              height={rowHeight - 8}
              fill={isPublished ? "#17653a" : "#0b5394"}
            />
            <text x={labelWidth + barWidth + 6} y={y + 15} fontSize="13" fill="#1b1f24">
              {counts[v.key]}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
