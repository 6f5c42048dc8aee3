package org.sscard.adapters.imports;

import java.util.List;
import org.sscard.adapters.provider.Provider;
import org.sscard.adapters.provider.ProviderKind;

/**
 * One kind of file a provider takes in: its CSV columns, the table it fills and how a row becomes a table row.
 * <p>
 * Coverage: the first {@link #coverageWidth()} table columns of a row say what the row is about (e.g. a person and
 * a month); a file replaces, for every such key it contains, all rows that were there before, and nothing else. So
 * a corrected re-send replaces exactly what it covers, and the same file twice leaves the same rows. The first
 * {@link #uniqueWidth()} columns (0 = none) must not repeat within a file.
 */
interface ImportSpec {

    String kind();

    ProviderKind providerKind();

    List<Column> columns();

    String table();

    /** The table's columns this import writes, coverage key first; {@code import_id} is added by the importer. */
    List<String> tableColumns();

    int coverageWidth();

    int uniqueWidth();

    /** The access-log action written for each person a file touches. */
    String action();

    /**
     * Called in the import's transaction once every row of the file is in the table, before the earlier rows it
     * covers are deleted (both are there): what else the import writes (the eligibility import's linkage events).
     */
    default void loaded(Provider provider, long importId) {}

    /** {@code values}: the read value of each column, by position in {@link #columns()} (null when empty). */
    String[] toRow(String[] values, Provider provider) throws RowProblem;
}
