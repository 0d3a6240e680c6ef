// schema.org ClaimReview JSON-LD for a claim's report (https://schema.org/ClaimReview).
// Rating scale: 1 Refuted, 2 Mixed or Unproven, 3 Supported; alternateName carries the label.
import type { Report } from '../../model.js';
import { VerityError } from '../../errors.js';

const RATING: Record<string, { value: number; name: string }> = {
  refuted: { value: 1, name: 'Refuted' },
  mixed: { value: 2, name: 'Mixed' },
  unproven: { value: 2, name: 'Unproven' },
  supported: { value: 3, name: 'Supported' },
};

export function claimReview(report: Report): Record<string, unknown> {
  if (report.kind !== 'claim' || report.verdict === null) {
    throw new VerityError({
      code: 'UNSUPPORTED',
      component: 'report',
      problem: `ClaimReview describes a verdict on a claim, and ${JSON.stringify(report.input.slice(0, 60))} is a question`,
      fix: 'state a claim to check, or use --format json, md or html for a question',
    });
  }
  if (report.notCheckable !== undefined) {
    throw new VerityError({
      code: 'UNSUPPORTED',
      component: 'report',
      problem: `${JSON.stringify(report.input.slice(0, 60))} is not a checkable claim (${report.notCheckable}), so no rating is published`,
      fix: 'state the claim as a sentence, or use --format json, md or html to read why',
    });
  }
  const rating = RATING[report.verdict.label] ?? { value: 2, name: report.verdict.label };
  return {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    claimReviewed: report.input,
    datePublished: report.provenance.createdAt.slice(0, 10),
    author: { '@type': 'Organization', name: `${report.provenance.engine} ${report.provenance.engineVersion} (${report.provenance.analyst} analyst)` },
    reviewRating: { '@type': 'Rating', ratingValue: rating.value, bestRating: 3, worstRating: 1, alternateName: rating.name, ratingExplanation: report.verdict.reason },
    itemReviewed: { '@type': 'Claim', text: report.input },
    reviewBody: report.summary.filter((s) => s.verified).map((s) => s.text).join(' '),
    citation: report.sources.map((s) => ({ '@type': 'CreativeWork', name: s.title, url: s.uri, publisher: s.publisher ?? undefined, datePublished: s.date ?? undefined })),
  };
}

export function renderClaimReview(report: Report): string {
  return `${JSON.stringify(claimReview(report), null, 2)}\n`;
}
