package dev.parley.store;

import dev.parley.testing.StoreKind;

class SqliteStoreTest extends StoreContract {
    @Override
    StoreKind kind() {
        return StoreKind.SQLITE;
    }
}
