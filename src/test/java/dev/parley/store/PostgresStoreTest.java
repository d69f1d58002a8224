package dev.parley.store;

import dev.parley.testing.StoreKind;

class PostgresStoreTest extends StoreContract {
    @Override
    StoreKind kind() {
        return StoreKind.POSTGRESQL;
    }
}
