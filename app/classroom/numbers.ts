/**
 * Claims keep one number everywhere, their place among the article's claims (decision 029): an
 * exercise that counts claims 2, 3 and 5 numbers them so, and its pages say why numbers are
 * missing, as the public page does. Numbered 1, 2, 3… (an educator's own article), nothing is said.
 */
export const skipsNumbers = (numbers: number[]) => numbers.some((n, i) => n !== i + 1);
