// User Timing marks the popup sets as it opens, counted from the start of its navigation. The popup bench
// (bench/popup-holdings.ts) reads them to say where an open's time goes; they cost microseconds.
export const POPUP_MARKS = {
  /** The popup's own script starts running. */
  scriptRan: 'popup:script',
  /** The wallet's state and the cached holdings have both answered (or been refused). */
  answered: 'popup:answers',
  /** The holdings' figures first reach the document, before that frame is painted. */
  holdingsDrawn: 'popup:holdings-drawn',
  /** The frame showing them has been produced (a task queued from the next animation frame runs after it). */
  holdingsPainted: 'popup:holdings-painted',
  /** The Votes screen's companies and proposals first reach the document (issue 14's bench times it from the click on Votes). */
  votesDrawn: 'popup:votes-drawn',
  /** The frame showing them has been produced. */
  votesPainted: 'popup:votes-painted',
} as const;
