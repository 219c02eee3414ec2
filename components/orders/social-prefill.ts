// What a decision form needs to pre-fill its social factors assessment (issue 5 part 2).
export type { SocialPrefill } from '@/components/forms/social-factors-fieldset';
