// The weak-algorithm warning on its own, in both languages: the field's label takes the
// language's colon (zh-CN full-width, issue 17's rule), the proposal is one click and the warning
// goes once the stronger choice is in the field. (That the button is never cut short is a layout
// fact jsdom cannot compute: e2e/tests/dual-tunnel.spec.ts checks it in Chromium.)
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { FormProvider, useForm } from 'react-hook-form';
import { describe, expect, it } from 'vitest';
import { createQueryClient, Providers } from '../../app/providers';
import type { Language } from '../../lib/i18n';
import { WeakAlgorithmWarnings } from './weak-algorithms';

function Harness() {
  const form = useForm({ defaultValues: { ikeConfig: { ikeAuthAlg: 'md5', ikePfs: 'group14' } } });
  return (
    <FormProvider {...form}>
      <WeakAlgorithmWarnings
        fields={[
          { kind: 'auth', name: 'ikeConfig.ikeAuthAlg' },
          { kind: 'dh', name: 'ikeConfig.ikePfs' },
        ]}
      />
    </FormProvider>
  );
}

const renderIn = (language: Language) =>
  render(
    <Providers client={createQueryClient()} language={language} env="test">
      <Harness />
    </Providers>,
  );

describe('WeakAlgorithmWarnings', () => {
  it.each([
    ['en', /^Integrity: md5 /, 'Use sha256'],
    ['zh-CN', /^认证算法：md5 /, '改用 sha256'],
  ] as const)(
    '%s: warns of md5 only, labelled in the language, and takes the proposal in one click',
    async (language, text, use) => {
      renderIn(language);
      expect(await screen.findByText(text)).toBeVisible();
      expect(screen.getAllByRole('button')).toHaveLength(1);
      await userEvent.click(screen.getByRole('button', { name: use }));
      expect(screen.queryByText(text)).toBeNull();
      expect(screen.queryByRole('button')).toBeNull();
    },
  );
});
