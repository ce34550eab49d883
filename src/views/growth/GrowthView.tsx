import { AccountingSection, LifecycleSection, PowerUserSection, QuickRatioSection, ResurrectionSection, StickinessSection } from './GrowthSections';

/** Growth accounting of users (seed 002): flows, quick ratio, stickiness, lifecycle, L28 and resurrections. */
export function GrowthView() {
  return (
    <section className="view" aria-labelledby="growth-title">
      <h2 id="growth-title">Growth accounting</h2>
      <p className="convention">
        Social Capital's growth accounting of users: a user is active in a period with at least one event; each period's active users are new (first
        active period ever), retained (active the period before too) or resurrected (back after at least one inactive period). Follows the grain
        (day, week, month) and the global filters.
      </p>
      <AccountingSection />
      <QuickRatioSection />
      <StickinessSection />
      <LifecycleSection />
      <PowerUserSection />
      <ResurrectionSection />
    </section>
  );
}
