import { describe, expect, it } from 'vitest';
import ids from './testIds.json';
import { testIds } from './testIds';

function leaves(node: unknown, path = ''): [string, string][] {
	if (typeof node === 'string') return [[path, node]];
	return Object.entries(node as Record<string, unknown>).flatMap(([key, value]) =>
		leaves(value, path ? `${path}.${key}` : key)
	);
}

describe('testIds', () => {
	it('fills a family id in', () => {
		expect(testIds.termsForm.offerKind('percentOff')).toBe('terms-offer-kind-percentOff');
		expect(testIds.fieldError('amount')).toBe('error-amount');
	});

	it('gives every element its own id', () => {
		const values = leaves(ids).map(([, value]) => value);
		const twice = values.filter((v, i) => values.indexOf(v) !== i);
		expect(twice).toEqual([]);
	});
});
