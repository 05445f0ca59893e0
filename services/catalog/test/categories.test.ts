import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildCategoryTree, slugify } from '../src/domain/categories.ts';

test('categories nest under their parents, sorted by name at each level', () => {
  const tree = buildCategoryTree([
    { id: '3', name: 'Running', slug: 'running', parentId: '1' },
    { id: '1', name: 'Shoes', slug: 'shoes', parentId: null },
    { id: '2', name: 'Bags', slug: 'bags', parentId: null },
    { id: '4', name: 'Hiking', slug: 'hiking', parentId: '1' },
    { id: '5', name: 'Trail', slug: 'trail', parentId: '3' },
  ]);
  assert.deepEqual(tree.map((c) => c.slug), ['bags', 'shoes']);
  assert.deepEqual(tree[1]!.children.map((c) => c.slug), ['hiking', 'running']);
  assert.deepEqual(tree[1]!.children[1]!.children.map((c) => c.slug), ['trail']);
  assert.deepEqual(tree[0]!.children, []);
});

test('slugs are lowercase ascii words joined by dashes', () => {
  assert.equal(slugify('Home & Kitchen'), 'home-kitchen');
  assert.equal(slugify('  Café Crème  '), 'cafe-creme');
  assert.equal(slugify('!!!'), '');
});
