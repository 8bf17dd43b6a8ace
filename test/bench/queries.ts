// The benchmark's query set: real subjects of the BBC corpus, some misspelt as writers do.
export const QUERIES = [
  'Blair election campaign', 'Brown budget', 'Gordon Brwon budget', 'Chelsea Mourinho', 'Mourinho Chelsae',
  'oil prices', 'Yukos Russia', 'Yukos Rusia', 'iPod Apple', 'Microsoft Windows', 'Microsfot Windows',
  'mobile phone', 'broadband', 'interest rates Bank of England', 'Liverpool Gerrard', 'Liverpool Gerard',
  'box office', 'Oscar nominations', 'Osacr nominations', 'tsunami aid', 'music downloads', 'games console',
  'Arsene Wenger', 'Arsene Wneger', 'parliment vote', 'Google search',
];

/** How many of the queries are misspelt (for the report). */
export const MISSPELT = ['Gordon Brwon budget', 'Mourinho Chelsae', 'Yukos Rusia', 'Microsfot Windows', 'Liverpool Gerard', 'Osacr nominations', 'Arsene Wneger', 'parliment vote'].length;

/**
 * Run twice before the timed queries, so the JIT has compiled the search as it has in an
 * editor that has been open a while (not part of the set; their words are not the set's).
 */
export const WARM_UP = ['parliament', 'Prime Minister', 'footbal club', 'opinion poll result', 'Manchester Untied'];
