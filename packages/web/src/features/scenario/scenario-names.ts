import type { Scenario } from '@palliamonitor/model';
import type { I18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/nl';

// The built-in scenarios' names and descriptions in the interface language; a saved scenario keeps
// the name its author gave it.

const BUILT_IN_NAMES: Readonly<Record<string, MessageKey>> = {
  baseline: 'scenario.name.baseline',
  'community-central': 'scenario.name.community',
  'individual-central': 'scenario.name.individual',
  'professional-central': 'scenario.name.professional',
};

const BUILT_IN_DESCRIPTIONS: Readonly<Record<string, MessageKey>> = {
  baseline: 'scenario.desc.baseline',
  'community-central': 'scenario.desc.community',
  'individual-central': 'scenario.desc.individual',
  'professional-central': 'scenario.desc.professional',
};

export function scenarioName(scenario: Scenario, t: I18n['t']): string {
  const key = BUILT_IN_NAMES[scenario.id];
  return key === undefined ? scenario.name : t(key);
}

export function scenarioDescription(scenario: Scenario, t: I18n['t']): string {
  const key = BUILT_IN_DESCRIPTIONS[scenario.id];
  return key === undefined ? scenario.description : t(key);
}
