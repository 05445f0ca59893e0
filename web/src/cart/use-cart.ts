import { useEffect, useState } from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, body, idempotencyKey } from '../api/client.ts';
import type { Cart } from '../api/models.ts';
import { ensureCartId, forgetCart, onCartIdChange, storedCartId } from './cart-id.ts';

const cartKey = (id: string | null) => ['cart', id] as const;

export function useCartId(): string | null {
  const [id, setId] = useState(storedCartId);
  useEffect(() => onCartIdChange(() => setId(storedCartId())), []);
  return id;
}

/** The priced cart from the cart service; a cart that is gone, checked out or not ours is forgotten. */
export function useCart() {
  const id = useCartId();
  return useQuery({
    queryKey: cartKey(id),
    enabled: !!id,
    queryFn: async () => {
      try {
        const cart = await body<Cart>(api.GET('/api/v1/cart/carts/{cartId}', { params: { path: { cartId: id! } } }));
        if (cart.status !== 'active') forgetCart();
        return cart;
      } catch (error) {
        if (error instanceof ApiError && (error.status === 404 || error.status === 403)) forgetCart();
        throw error;
      }
    },
  });
}

export function useCartActions() {
  const queryClient = useQueryClient();
  const onSuccess = (cart: Cart | undefined) => (cart ? queryClient.setQueryData(cartKey(cart.id), cart) : queryClient.invalidateQueries({ queryKey: ['cart'] }));
  const path = (cartId: string) => ({ path: { cartId } });

  const add = useMutation({
    mutationFn: async ({ sku, quantity }: { sku: string; quantity: number }) => {
      const cartId = await ensureCartId();
      return body<Cart>(api.POST('/api/v1/cart/carts/{cartId}/items', { params: { ...path(cartId), header: { 'idempotency-key': idempotencyKey() } }, body: { sku, quantity } }));
    },
    onSuccess,
  });
  const setQuantity = useMutation({
    mutationFn: ({ cartId, sku, quantity }: { cartId: string; sku: string; quantity: number }) =>
      body<Cart>(api.PATCH('/api/v1/cart/carts/{cartId}/items/{sku}', { params: { path: { cartId, sku } }, body: { quantity } })),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: ({ cartId, sku }: { cartId: string; sku: string }) =>
      body<Cart>(api.DELETE('/api/v1/cart/carts/{cartId}/items/{sku}', { params: { path: { cartId, sku } } })),
    onSuccess,
  });
  const applyCode = useMutation({
    mutationFn: ({ cartId, code }: { cartId: string; code: string }) =>
      body<Cart>(api.POST('/api/v1/cart/carts/{cartId}/discount', { params: path(cartId), body: { code } })),
    onSuccess,
  });
  const removeCode = useMutation({
    mutationFn: ({ cartId }: { cartId: string }) => body<Cart>(api.DELETE('/api/v1/cart/carts/{cartId}/discount', { params: path(cartId) })),
    onSuccess,
  });
  return { add, setQuantity, remove, applyCode, removeCode };
}
