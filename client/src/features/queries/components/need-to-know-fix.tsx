/** The one-click fix offered when a query is refused only for missing need-to-know checks (editor and console). */
export function NeedToKnowFix({ onFix }: { onFix: () => void }) {
  return (
    <>
      {' '}
      <button type="button" data-testid="query-add-need-to-know" onClick={onFix}>
        Add the need-to-know checks
      </button>
    </>
  );
}
