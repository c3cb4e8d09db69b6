/**
 * Who a sentence says made its claim: "Nimbus says …", "… , Omdia claims.", "according to
 * TechInsight …", "…, said Chen Hao". A proposal for the editor to accept or change, never saved
 * by itself; a pronoun or an unnamed source ("the company said") proposes nothing.
 */
import { COMMON_CAPITALISED, PERSON_ROLES } from "./vocabulary";

export type ClaimantType = "person" | "organization";

export interface AttributionProposal {
  claimant: string;
  /** The organisation's type when its name says so ("… Inc.", "… Research"); otherwise not guessed. */
  claimantType: ClaimantType | "";
  /** The words that attribute it, as they stand in the sentence ("according to TechInsight"). */
  cue: string;
}

const SPEECH_VERB =
  "says|said|claims|claimed|states|stated|announces|announced|reports|reported|estimates|estimated|predicts|predicted|told|tells|insists|insisted|argues|argued|wrote|writes|added|adds|noted|notes|confirmed|confirms|revealed|reveals";
const CUES = new RegExp(`\\b(?:(${SPEECH_VERB})|(according to))\\b`, "giu");

/** A capitalised word of a name, with the small words names carry between them. */
const NAME_WORD = /^(?:\p{Lu}[\p{L}\p{N}&.'’-]*|\p{N}+\p{L}*)$/u;
const NAME_JOINER = /^(?:of|de|del|der|van|von|and|&|für)$/u;
const MAX_NAME_WORDS = 7;
/** Words allowed between "according to" and the name: "according to a report by Omdia". */
const LEAD_IN =
  /^(?:a|an|the|new|recent|latest|report|reports|study|survey|data|figures|analysis|estimates?|by|from|analyst|analysts|firm|research|researcher|researchers|market|tracker)$/iu;
const MAX_LEAD_IN = 5;
const ORGANIZATION_SUFFIX =
  /\b(?:Inc|Corp|Corporation|Ltd|LLC|GmbH|AG|SA|Co|Group|Holdings|Research|Institute|University|Ministry|Agency|Association|Council|Commission|Bank|Labs?|Technologies|Semiconductor|Capital|Partners|Intelligence|Insights)\.?$/u;
const TITLE =
  /^(?:CEO|CFO|CTO|COO|Chairman|Chairwoman|President|Founder|Co-founder|Director|Spokesperson|Spokesman|Spokeswoman|Minister|Analyst|Chief|VP|Head)$/u;
/** The word that ties a person's role to where they work: "an analyst at Omdia", "head of research at". */
const AFFILIATION = /^(?:at|of|for|with)$/u;
/** A person's role in an appositive: "Maria Chen, an analyst at Omdia, said". */
const ROLE = new RegExp(`^(?:${PERSON_ROLES})$`, "iu");
/** Capitalised words that name no one by themselves: pronouns, articles, titles, generic nouns. */
const NOT_A_CLAIMANT = new Set([
  ...COMMON_CAPITALISED,
  ..."Company Firm Report Reports Officials Analysts Experts Sources Executives Spokesperson Spokesman Spokeswoman Researchers Critics Chairman CEO CFO CTO President Minister".split(
    " ",
  ),
]);

export function proposeClaimant(sentence: string): AttributionProposal | null {
  const words = tokens(sentence.slice(0, 5000));
  for (const cue of sentence.slice(0, 5000).matchAll(CUES)) {
    const at = words.findIndex((w) => w.start === cue.index);
    if (at < 0) continue;
    const isAccordingTo = cue[2] !== undefined;
    const name = isAccordingTo
      ? nameAfter(words, at + 2, MAX_LEAD_IN)
      : (nameBefore(words, at) ?? nameAfter(words, at + 1, 0));
    if (!name) continue;
    const cueWords = isAccordingTo ? `${cue[0]} ${name}` : cue[0];
    return {
      claimant: name,
      claimantType: ORGANIZATION_SUFFIX.test(name) ? "organization" : "",
      cue: cueWords,
    };
  }
  return null;
}

interface Token {
  text: string;
  start: number;
  /** A comma, colon or bracket right after the word ends a name. */
  closesName: boolean;
}

function tokens(sentence: string): Token[] {
  const out: Token[] = [];
  for (const m of sentence.matchAll(/[^\s,;:()"“”]+([,;:()"“”]?)/gu)) {
    const text = m[0].slice(0, m[0].length - m[1]!.length).replace(/[.!?]+$/u, "");
    if (text) out.push({ text: text.replace(/['’]s$/u, ""), start: m.index, closesName: m[1] !== "" });
  }
  return out;
}

/**
 * The name that ends right before the cue: "… , Omdia claims", "Chen Hao said". A title names
 * the person next to it: "Nvidia CEO Jensen Huang said" and "Jensen Huang, Nvidia's CEO, said"
 * both propose Jensen Huang.
 */
function nameBefore(words: Token[], cueAt: number): string | null {
  const run: string[] = [];
  let i = cueAt - 1;
  for (; i >= 0 && run.length < MAX_NAME_WORDS; i--) {
    const word = words[i]!;
    if (i < cueAt - 1 && word.closesName) break;
    if (!NAME_WORD.test(word.text) && !(run.length > 0 && NAME_JOINER.test(word.text))) break;
    run.unshift(word.text);
  }
  // "Maria Chen, an analyst at Omdia, said": the person the role describes, not where they work.
  // "chief executive of Acme": the "of" may have joined the run as part of a name.
  const affiliation = run.length > 0 && AFFILIATION.test(run[0]!) ? i + 1 : i;
  if (affiliation >= 0 && AFFILIATION.test(words[affiliation]!.text)) {
    for (let j = affiliation - 1; j >= Math.max(0, affiliation - 5); j--) {
      if (!words[j]!.closesName) continue;
      if (words.slice(j + 1, affiliation).some((w) => ROLE.test(w.text)))
        return nameBefore(words, j + 1) ?? asName(run);
      break;
    }
  }
  const lastTitle = run.findLastIndex((w) => TITLE.test(w));
  if (run.length > 0 && lastTitle === run.length - 1) {
    const appositive = i >= 0 && words[i]!.closesName;
    return appositive ? nameBefore(words, i + 1) : null;
  }
  return asName(lastTitle >= 0 ? run.slice(lastTitle + 1) : run);
}

/** The name that starts after the cue, past a few lead-in words: "said Chen Hao", "according to a report by Omdia". */
function nameAfter(words: Token[], from: number, leadIn: number): string | null {
  let i = from;
  while (i < words.length && i - from < leadIn && LEAD_IN.test(words[i]!.text)) i++;
  const run: string[] = [];
  for (; i < words.length && run.length < MAX_NAME_WORDS; i++) {
    const word = words[i]!;
    if (!NAME_WORD.test(word.text) && !(run.length > 0 && NAME_JOINER.test(word.text))) break;
    run.push(word.text);
    if (word.closesName) break;
  }
  return asName(run);
}

function asName(run: string[]): string | null {
  while (run.length > 0 && NAME_JOINER.test(run.at(-1)!)) run.pop();
  while (run.length > 0 && NOT_A_CLAIMANT.has(run[0]!)) run.shift();
  if (run.length === 0 || run.every((w) => NOT_A_CLAIMANT.has(w))) return null;
  return run.join(" ");
}

/**
 * The claim's own sentence as far as its stored context shows it: the quote with the words
 * around it up to the sentence's ends, where "…, Omdia claims." usually stands.
 */
export function proposeClaimantInContext(claim: { prefix: string; quote: string; suffix: string }) {
  const before = claim.prefix.split(/[.!?]\s+/u).at(-1) ?? "";
  const after = /^[^.!?]*[.!?]?/u.exec(claim.suffix)?.[0] ?? "";
  return proposeClaimant(`${before}${claim.quote}${after}`);
}
