// What a decision form needs to pre-fill its social factors assessment (issue 5 part 2).
import type { PreviousSocialRating } from '@/components/forms/social-factors-fieldset';
import type { DecisionPoint } from '@/lib/generated/prisma/enums';

export interface SocialPrefill {
  previous?: PreviousSocialRating[];
  assessedOn?: string | null;
  assessedBy?: string | null;
  decisionPoint?: DecisionPoint | null;
}
