// Generated from the gateway's merged OpenAPI document by `npm run api-types -w web`. Do not edit.

export interface paths {
    "/api/v1/.well-known/jwks.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/.well-known/jwks.json
         * @description Needs a signed-in user.
         */
        get: operations["getWellKnownJwksJson"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a cart (a signed-in user gets their active one back) */
        post: operations["postCartCarts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/carts/{cartId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a cart */
        get: operations["getCartCartsByCartId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/carts/{cartId}/discount": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a discount code */
        post: operations["postCartCartsByCartIdDiscount"];
        /** Remove the discount code */
        delete: operations["deleteCartCartsByCartIdDiscount"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/carts/{cartId}/items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an item (Idempotency-Key) */
        post: operations["postCartCartsByCartIdItems"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/carts/{cartId}/items/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an item */
        delete: operations["deleteCartCartsByCartIdItemsBySku"];
        options?: never;
        head?: never;
        /** Set an item's quantity */
        patch: operations["patchCartCartsByCartIdItemsBySku"];
        trace?: never;
    };
    "/api/v1/cart/discount-codes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/cart/discount-codes
         * @description Needs the `discounts:manage` permission.
         */
        get: operations["getCartDiscountCodes"];
        put?: never;
        /**
         * POST /api/v1/cart/discount-codes
         * @description Needs the `discounts:manage` permission.
         */
        post: operations["postCartDiscountCodes"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/merge": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Merge a guest cart into the signed-in user's cart */
        post: operations["postCartMerge"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/cart/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in user's active cart */
        get: operations["getCartMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /api/v1/catalog/categories */
        get: operations["getCatalogCategories"];
        put?: never;
        /**
         * POST /api/v1/catalog/categories
         * @description Needs the `catalog:write` permission.
         */
        post: operations["postCatalogCategories"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/offers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /api/v1/catalog/offers */
        get: operations["getCatalogOffers"];
        put?: never;
        /**
         * POST /api/v1/catalog/offers
         * @description Needs the `catalog:write` permission.
         */
        post: operations["postCatalogOffers"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/offers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * DELETE /api/v1/catalog/offers/{id}
         * @description Needs the `catalog:write` permission.
         */
        delete: operations["deleteCatalogOffersById"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products (filters, sorting, paging) */
        get: operations["getCatalogProducts"];
        put?: never;
        /**
         * POST /api/v1/catalog/products
         * @description Needs the `catalog:write` permission.
         */
        post: operations["postCatalogProducts"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Get a product with its variants and current prices */
        get: operations["getCatalogProductsById"];
        put?: never;
        post?: never;
        /**
         * DELETE /api/v1/catalog/products/{id}
         * @description Needs the `catalog:write` permission.
         */
        delete: operations["deleteCatalogProductsById"];
        options?: never;
        head?: never;
        /**
         * PATCH /api/v1/catalog/products/{id}
         * @description Needs the `catalog:write` permission.
         */
        patch: operations["patchCatalogProductsById"];
        trace?: never;
    };
    "/api/v1/catalog/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/catalog/products/{id}/variants
         * @description Needs the `catalog:write` permission.
         */
        post: operations["postCatalogProductsByIdVariants"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/catalog/search": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Search products by text */
        get: operations["getCatalogSearch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/forecast/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/inventory/forecast/{sku}
         * @description Needs the `inventory:manage` permission.
         */
        get: operations["getInventoryForecastBySku"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/stock/{sku}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /api/v1/inventory/stock/{sku} */
        get: operations["getInventoryStockBySku"];
        /**
         * PUT /api/v1/inventory/stock/{sku}
         * @description Needs the `inventory:manage` permission.
         */
        put: operations["putInventoryStockBySku"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/stock/{sku}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/inventory/stock/{sku}/adjustments
         * @description Needs the `inventory:manage` permission.
         */
        get: operations["getInventoryStockBySkuAdjustments"];
        put?: never;
        /**
         * POST /api/v1/inventory/stock/{sku}/adjustments
         * @description Needs the `inventory:manage` permission.
         */
        post: operations["postInventoryStockBySkuAdjustments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/inventory/warehouses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/inventory/warehouses
         * @description Needs the `inventory:manage` permission.
         */
        get: operations["getInventoryWarehouses"];
        put?: never;
        /**
         * POST /api/v1/inventory/warehouses
         * @description Needs the `inventory:manage` permission.
         */
        post: operations["postInventoryWarehouses"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/notifications/{userId}
         * @description Needs a signed-in user.
         */
        get: operations["getNotificationsByUserId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/notifications/deliveries
         * @description Needs the `notifications:manage` permission.
         */
        get: operations["getNotificationsDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/notifications/send
         * @description Needs the `notifications:manage` permission.
         */
        post: operations["postNotificationsSend"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/notifications/templates
         * @description Needs the `notifications:manage` permission.
         */
        get: operations["getNotificationsTemplates"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/templates/{eventType}/{channel}/{locale}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * PUT /api/v1/notifications/templates/{eventType}/{channel}/{locale}
         * @description Needs the `notifications:manage` permission.
         */
        put: operations["putNotificationsTemplatesByEventTypeByChannelByLocale"];
        post?: never;
        /**
         * DELETE /api/v1/notifications/templates/{eventType}/{channel}/{locale}
         * @description Needs the `notifications:manage` permission.
         */
        delete: operations["deleteNotificationsTemplatesByEventTypeByChannelByLocale"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/orders
         * @description Needs the `orders:manage` permission.
         */
        get: operations["getOrders"];
        put?: never;
        /** POST /api/v1/orders */
        post: operations["postOrders"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /api/v1/orders/{id} */
        get: operations["getOrdersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/orders/{id}/cancel
         * @description Needs the `orders:manage` permission.
         */
        post: operations["postOrdersByIdCancel"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/deliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/orders/{id}/deliver
         * @description Needs the `orders:manage` permission.
         */
        post: operations["postOrdersByIdDeliver"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/fulfil": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/orders/{id}/fulfil
         * @description Needs the `orders:manage` permission.
         */
        post: operations["postOrdersByIdFulfil"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/orders/{id}/refund
         * @description Needs the `payments:refund` permission.
         */
        post: operations["postOrdersByIdRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/{id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/orders/{id}/shipments
         * @description Needs the `orders:manage` permission.
         */
        post: operations["postOrdersByIdShipments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/orders/audit-log
         * @description Needs the `audit:read` permission.
         */
        get: operations["getOrdersAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/orders/mine": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /api/v1/orders/mine */
        get: operations["getOrdersMine"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{paymentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/payments/{paymentId}
         * @description Needs a signed-in user.
         */
        get: operations["getPaymentsByPaymentId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/{paymentId}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/payments/{paymentId}/refund
         * @description Needs the `payments:refund` permission.
         */
        post: operations["postPaymentsByPaymentIdRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/invoices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/payments/invoices
         * @description Needs a signed-in user.
         */
        get: operations["getPaymentsInvoices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/invoices/{invoiceId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/payments/invoices/{invoiceId}
         * @description Needs a signed-in user.
         */
        get: operations["getPaymentsInvoicesByInvoiceId"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/webhooks/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/payments/webhooks/{provider} */
        post: operations["postPaymentsWebhooksByProvider"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users
         * @description Needs the `users:list` permission.
         */
        get: operations["getUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users/{id}
         * @description Needs a signed-in user.
         */
        get: operations["getUsersById"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/{id}/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * PUT /api/v1/users/{id}/roles
         * @description Needs the `users:write:roles` permission.
         */
        put: operations["putUsersByIdRoles"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users/audit-log
         * @description Needs the `audit:read` permission.
         */
        get: operations["getUsersAuditLog"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/email-verification/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/email-verification/confirm */
        post: operations["postUsersEmailVerificationConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/login */
        post: operations["postUsersLogin"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/logout */
        post: operations["postUsersLogout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users/me
         * @description Needs a signed-in user.
         */
        get: operations["getUsersMe"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * PATCH /api/v1/users/me
         * @description Needs a signed-in user.
         */
        patch: operations["patchUsersMe"];
        trace?: never;
    };
    "/api/v1/users/me/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/users/me/delete
         * @description Needs a signed-in user.
         */
        post: operations["postUsersMeDelete"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/email-verification": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/users/me/email-verification
         * @description Needs a signed-in user.
         */
        post: operations["postUsersMeEmailVerification"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users/me/export
         * @description Needs a signed-in user.
         */
        get: operations["getUsersMeExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/users/me/logout-all
         * @description Needs a signed-in user.
         */
        post: operations["postUsersMeLogoutAll"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/password": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * POST /api/v1/users/me/password
         * @description Needs a signed-in user.
         */
        post: operations["postUsersMePassword"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/me/preferences": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users/me/preferences
         * @description Needs a signed-in user.
         */
        get: operations["getUsersMePreferences"];
        /**
         * PUT /api/v1/users/me/preferences
         * @description Needs a signed-in user.
         */
        put: operations["putUsersMePreferences"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/password-reset */
        post: operations["postUsersPasswordReset"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/password-reset/confirm */
        post: operations["postUsersPasswordResetConfirm"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/permissions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * GET /api/v1/users/permissions
         * @description Needs a signed-in user.
         */
        get: operations["getUsersPermissions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/refresh */
        post: operations["postUsersRefresh"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/users/register": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /api/v1/users/register */
        post: operations["postUsersRegister"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** GET /registry */
        get: operations["getRegistry"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/registry/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** POST /registry/heartbeat */
        post: operations["postRegistryHeartbeat"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Problem: {
            detail: string;
            errors?: {
                field: string;
                message: string;
            }[];
            instance?: string;
            status: number;
            title: string;
            type: string;
        } & {
            [key: string]: unknown;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getWellKnownJwksJson: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postCartCarts: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
            /** @description Default Response */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    getCartCartsByCartId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cartId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    postCartCartsByCartIdDiscount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cartId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    deleteCartCartsByCartIdDiscount: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cartId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    postCartCartsByCartIdItems: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                cartId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                    sku: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    deleteCartCartsByCartIdItemsBySku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cartId: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    patchCartCartsByCartIdItemsBySku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                cartId: string;
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    quantity: number;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    getCartDiscountCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postCartDiscountCodes: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    code: string;
                    currency?: string;
                    /** Format: date-time */
                    expiresAt?: string;
                    /** @enum {string} */
                    kind: "percentage" | "fixed";
                    minSubtotal?: number;
                    usageLimit?: number;
                    value: number;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postCartMerge: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: uuid */
                    guestCartId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    getCartMine: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        claimedBy: string | null;
                        createdAt: string;
                        currency: string | null;
                        discount: number;
                        discountCode: string | null;
                        discountReason: string | null;
                        id: string;
                        itemCount: number;
                        lines: {
                            basePrice: number;
                            lineTotal: number;
                            name: string;
                            productId: string;
                            quantity: number;
                            sku: string;
                            unitPrice: number;
                        }[];
                        mergedInto: string | null;
                        orderId: string | null;
                        /** @enum {string} */
                        status: "active" | "merged" | "converted";
                        subtotal: number;
                        total: number;
                        unavailableSkus: string[];
                        updatedAt: string;
                        userId: string | null;
                    };
                };
            };
        };
    };
    getCatalogCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postCatalogCategories: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    name: string;
                    /**
                     * Format: uuid
                     * @default null
                     */
                    parentId?: string | null;
                    slug?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCatalogOffers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postCatalogOffers: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default [] */
                    categoryIds?: string[];
                    currency?: string;
                    /** Format: date-time */
                    endsAt: string;
                    /** @enum {string} */
                    kind: "percentage" | "fixed";
                    name: string;
                    /** @default [] */
                    productIds?: string[];
                    /** Format: date-time */
                    startsAt: string;
                    value: number;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteCatalogOffersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCatalogProducts: {
        parameters: {
            query?: {
                category?: string;
                limit?: number;
                maxPrice?: number;
                minPrice?: number;
                offset?: number;
                q?: string;
                sort?: "price_asc" | "price_desc" | "name" | "newest" | "relevance";
                status?: "active" | "draft" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appliedOffer: {
                                id: string;
                                name: string;
                            } | null;
                            attributes: {
                                [key: string]: string;
                            };
                            categoryId: string | null;
                            createdAt: string;
                            currency: string;
                            description: string;
                            effectivePrice: number;
                            id: string;
                            images: string[];
                            name: string;
                            price: number;
                            sku: string;
                            /** @enum {string} */
                            status: "active" | "draft";
                            updatedAt: string;
                            variants: {
                                appliedOffer: {
                                    id: string;
                                    name: string;
                                } | null;
                                attributes: {
                                    [key: string]: string;
                                };
                                currency: string;
                                effectivePrice: number;
                                id: string;
                                name: string;
                                price: number;
                                priceOverride: boolean;
                                sku: string;
                            }[];
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
        };
    };
    postCatalogProducts: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    attributes?: {
                        [key: string]: string;
                    };
                    /**
                     * Format: uuid
                     * @default null
                     */
                    categoryId?: string | null;
                    currency: string;
                    /** @default  */
                    description?: string;
                    /** @default [] */
                    images?: string[];
                    name: string;
                    price: number;
                    sku: string;
                    /**
                     * @default active
                     * @enum {string}
                     */
                    status?: "active" | "draft";
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCatalogProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        appliedOffer: {
                            id: string;
                            name: string;
                        } | null;
                        attributes: {
                            [key: string]: string;
                        };
                        categoryId: string | null;
                        createdAt: string;
                        currency: string;
                        description: string;
                        effectivePrice: number;
                        id: string;
                        images: string[];
                        name: string;
                        price: number;
                        sku: string;
                        /** @enum {string} */
                        status: "active" | "draft";
                        updatedAt: string;
                        variants: {
                            appliedOffer: {
                                id: string;
                                name: string;
                            } | null;
                            attributes: {
                                [key: string]: string;
                            };
                            currency: string;
                            effectivePrice: number;
                            id: string;
                            name: string;
                            price: number;
                            priceOverride: boolean;
                            sku: string;
                        }[];
                    };
                };
            };
        };
    };
    deleteCatalogProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patchCatalogProductsById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    attributes?: {
                        [key: string]: string;
                    };
                    /** Format: uuid */
                    categoryId?: string | null;
                    currency?: string;
                    description?: string;
                    images?: string[];
                    name?: string;
                    price?: number;
                    /** @enum {string} */
                    status?: "active" | "draft";
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postCatalogProductsByIdVariants: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @default {} */
                    attributes?: {
                        [key: string]: string;
                    };
                    name: string;
                    /** @default null */
                    price?: number | null;
                    sku: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getCatalogSearch: {
        parameters: {
            query: {
                category?: string;
                limit?: number;
                maxPrice?: number;
                minPrice?: number;
                offset?: number;
                q: string;
                sort?: "price_asc" | "price_desc" | "name" | "newest" | "relevance";
                status?: "active" | "draft" | "all";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: {
                            appliedOffer: {
                                id: string;
                                name: string;
                            } | null;
                            attributes: {
                                [key: string]: string;
                            };
                            categoryId: string | null;
                            createdAt: string;
                            currency: string;
                            description: string;
                            effectivePrice: number;
                            id: string;
                            images: string[];
                            name: string;
                            price: number;
                            sku: string;
                            /** @enum {string} */
                            status: "active" | "draft";
                            updatedAt: string;
                            variants: {
                                appliedOffer: {
                                    id: string;
                                    name: string;
                                } | null;
                                attributes: {
                                    [key: string]: string;
                                };
                                currency: string;
                                effectivePrice: number;
                                id: string;
                                name: string;
                                price: number;
                                priceOverride: boolean;
                                sku: string;
                            }[];
                        }[];
                        limit: number;
                        offset: number;
                        total: number;
                    };
                };
            };
        };
    };
    getInventoryForecastBySku: {
        parameters: {
            query?: {
                days?: number;
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getInventoryStockBySku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putInventoryStockBySku: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    onHand?: number;
                    threshold?: number;
                    warehouseId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getInventoryStockBySkuAdjustments: {
        parameters: {
            query?: {
                limit?: number;
                warehouseId?: string;
            };
            header?: never;
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postInventoryStockBySkuAdjustments: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path: {
                sku: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    delta: number;
                    note?: string;
                    /** @enum {string} */
                    reason: "received" | "damaged" | "correction" | "returned" | "other";
                    warehouseId: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getInventoryWarehouses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postInventoryWarehouses: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    id?: string;
                    name: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNotificationsByUserId: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
            };
            header?: never;
            path: {
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNotificationsDeliveries: {
        parameters: {
            query?: {
                limit?: number;
                offset?: number;
                status?: "queued" | "sent" | "failed";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postNotificationsSend: {
        parameters: {
            query?: never;
            header?: {
                "idempotency-key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @enum {string} */
                    channel: "email";
                    /**
                     * @default text
                     * @enum {string}
                     */
                    format?: "text" | "html";
                    /** Format: email */
                    recipient: string;
                    subject: string;
                    userId?: string;
                } | {
                    body: string;
                    /** @enum {string} */
                    channel: "sms";
                    recipient: string;
                    subject?: string;
                    userId?: string;
                } | {
                    body: string;
                    /** @enum {string} */
                    channel: "push";
                    recipient: string;
                    subject: string;
                    userId?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getNotificationsTemplates: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putNotificationsTemplatesByEventTypeByChannelByLocale: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: "email" | "sms" | "push";
                eventType: "order.paid" | "order.payment_failed" | "order.shipped" | "order.refunded" | "order.cancelled" | "inventory.low_stock" | "user.email_verification_requested" | "user.password_reset_requested" | "user.signup_with_existing_email" | "user.password_changed";
                locale: "en" | "es";
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    body: string;
                    /** @enum {string} */
                    format?: "text" | "html";
                    subject: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    deleteNotificationsTemplatesByEventTypeByChannelByLocale: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                channel: "email" | "sms" | "push";
                eventType: "order.paid" | "order.payment_failed" | "order.shipped" | "order.refunded" | "order.cancelled" | "inventory.low_stock" | "user.email_verification_requested" | "user.password_reset_requested" | "user.signup_with_existing_email" | "user.password_changed";
                locale: "en" | "es";
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrders: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
                status?: "pending" | "reserved" | "paid" | "fulfilled" | "shipped" | "delivered" | "cancelled" | "payment_failed" | "refunded";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postOrders: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    cartId: string;
                    /** Format: email */
                    email?: string;
                    payment?: {
                        cardNumber?: string;
                        cvc?: string;
                        expMonth?: number;
                        expYear?: number;
                        /** @enum {string} */
                        provider?: "sandbox" | "stripe" | "mercadopago";
                        token?: string;
                    };
                    shippingAddress: {
                        city: string;
                        country: string;
                        line1: string;
                        line2?: string;
                        name: string;
                        postalCode: string;
                    };
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrdersById: {
        parameters: {
            query?: {
                email?: string;
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postOrdersByIdCancel: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postOrdersByIdDeliver: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postOrdersByIdFulfil: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postOrdersByIdRefund: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount?: number;
                    reason: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postOrdersByIdShipments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    carrier: string;
                    trackingNumber: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrdersAuditLog: {
        parameters: {
            query?: {
                customerId?: string;
                limit?: number;
                orderId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getOrdersMine: {
        parameters: {
            query?: {
                page?: number;
                pageSize?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPaymentsByPaymentId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postPaymentsByPaymentIdRefund: {
        parameters: {
            query?: never;
            header: {
                "idempotency-key": string;
            };
            path: {
                paymentId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    amount: number;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPaymentsInvoices: {
        parameters: {
            query: {
                orderId: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getPaymentsInvoicesByInvoiceId: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                invoiceId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postPaymentsWebhooksByProvider: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                provider: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsers: {
        parameters: {
            query?: {
                email?: string;
                limit?: number;
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsersById: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putUsersByIdRoles: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    roles: ("customer" | "staff" | "admin")[];
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsersAuditLog: {
        parameters: {
            query?: {
                limit?: number;
                targetUserId?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersEmailVerificationConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    token: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersLogin: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersLogout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    patchUsersMe: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    address?: {
                        city: string;
                        country: string;
                        line1: string;
                        postalCode: string;
                    } | null;
                    name?: string | null;
                    phone?: string | null;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersMeDelete: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    confirm?: string;
                    password?: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersMeEmailVerification: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsersMeExport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersMeLogoutAll: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersMePassword: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currentPassword: string;
                    newPassword: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsersMePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    putUsersMePreferences: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    currency?: string;
                    locale?: string;
                    marketingEmails?: boolean;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersPasswordReset: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersPasswordResetConfirm: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    newPassword: string;
                    token: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getUsersPermissions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersRefresh: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    refreshToken: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postUsersRegister: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** Format: email */
                    email: string;
                    name?: string;
                    password: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    getRegistry: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
    postRegistryHeartbeat: {
        parameters: {
            query?: never;
            header?: {
                "x-registry-token"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    service: string;
                    url: string;
                };
            };
        };
        responses: {
            /** @description The request was refused: problem+json naming the problem */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/problem+json": components["schemas"]["Problem"];
                };
            };
            /** @description Default Response */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
