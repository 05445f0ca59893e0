-- One database per service (distributed mode). Run once by the postgres image on an empty data
-- volume (/docker-entrypoint-initdb.d), as POSTGRES_USER, who therefore owns them.
CREATE DATABASE emporium_gateway;
CREATE DATABASE emporium_catalog;
CREATE DATABASE emporium_cart;
CREATE DATABASE emporium_orders;
CREATE DATABASE emporium_payments;
CREATE DATABASE emporium_users;
CREATE DATABASE emporium_inventory;
CREATE DATABASE emporium_notifications;
