import type { PatientBanner as Banner, QueueVisit } from '../../../../shared/api';
import { OUTPATIENT_TEXT } from './text';

const T = OUTPATIENT_TEXT.banner;

/** 患者信息条: stays above the note while charting. Allergies stand out. */
export function PatientBanner({ banner, visit }: { readonly banner: Banner; readonly visit: QueueVisit }) {
  return (
    <section
      data-testid="patient-banner"
      className="flex flex-wrap items-baseline gap-x-5 gap-y-1 rounded-lg border border-primary-line bg-primary-soft px-4 py-3"
    >
      <span className="text-xl font-semibold" data-testid="banner-name">
        {banner.name}
      </span>
      <span>
        {banner.sexLabel}　{banner.ageText}
      </span>
      <span className="text-ink-soft">
        {visit.visitNumber}　{visit.visitTypeLabel}　{visit.statusLabel}
      </span>
      <span>
        {T.fee}：{banner.feeCategory}
      </span>
      <span data-testid="banner-allergies" className={banner.allergies.length > 0 ? 'font-semibold text-danger' : 'text-muted'}>
        {banner.allergies.length > 0 ? `${T.allergies}：${banner.allergies.join('、')}` : T.noAllergies}
      </span>
      {banner.chronicConditions.length > 0 && (
        <span data-testid="banner-chronic" className="text-warning-ink">
          {T.chronic}：{banner.chronicConditions.join('、')}
        </span>
      )}
    </section>
  );
}
