import '@testing-library/jest-dom/vitest';
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { renderWithDesk } from '../../desk/render-with-desk';
import { CallError } from './call-error';

afterEach(cleanup);

const refused = (path: string) => ({ code: 'validation_failed' as const, message: `${path}: cannot be in the future`, path });

describe('a refused call', () => {
  it("names the platform's field by the form's own label", () => {
    renderWithDesk(<CallError error={refused('body.disclosedAt')} fieldsKey="disclosures.production.fields" />);
    expect(screen.getByRole('alert')).toHaveTextContent('提供时间');
    expect(screen.getByRole('alert')).not.toHaveTextContent('body.disclosedAt');
  });

  it('names a field nested below the form field by that field, and a field the form does not know by its path', () => {
    renderWithDesk(<CallError error={refused('input.files.2.contentBase64')} fieldsKey="disclosures.production.fields" />);
    expect(screen.getByRole('alert')).toHaveTextContent('提供的文件');
    cleanup();
    renderWithDesk(<CallError error={refused('body.somethingElse')} fieldsKey="disclosures.production.fields" />);
    expect(screen.getByRole('alert')).toHaveTextContent('body.somethingElse');
  });
});
