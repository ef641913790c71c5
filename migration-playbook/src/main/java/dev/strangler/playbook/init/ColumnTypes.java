package dev.strangler.playbook.init;

import dev.strangler.playbook.compare.ValueType;

/** How a legacy SQL type is compared by reconciliation and read from a change event by the service starter. */
final class ColumnTypes {

    private ColumnTypes() {
    }

    /** How reconciliation normalises the value ({@code kit compare data}, the playbook's reconciliation gate). */
    static ValueType valueType(LegacyColumn column) {
        if (isFlag(column)) {
            return ValueType.BOOLEAN; // the driver reads TINYINT(1) and BIT(1) as booleans
        }
        if (isBinary(column)) {
            return ValueType.BYTES;
        }
        if (column.json() || column.dataType().equals("json")) {
            return ValueType.JSON; // by content: MariaDB keeps JSON as written, the service may respace it
        }
        return switch (column.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float",
                 "double", "real" -> ValueType.NUMBER;
            case "datetime", "timestamp" -> ValueType.INSTANT;
            // DATE, TIME, YEAR, text, ENUM, SET: the same type on both sides reads as the same text.
            default -> ValueType.TEXT;
        };
    }

    /**
     * The service starter's {@code ColumnType} for the shape Debezium gives the type: numbers (DECIMAL as exact
     * text), times as epoch milliseconds or ISO text, DATE as epoch days, BLOB and BINARY as base64, BIT(1) as a
     * boolean, TINYINT(1) as the number it is.
     */
    static String changeType(LegacyColumn column) {
        if (column.columnType().toLowerCase().startsWith("bit(1)")) {
            return "BOOLEAN";
        }
        return switch (column.dataType()) {
            case "tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric", "float",
                 "double", "real", "year" -> "NUMBER";
            case "datetime", "timestamp" -> "INSTANT";
            case "date" -> "DATE";
            case "time" -> "TIME";
            case "bit", "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" -> "BYTES";
            case "json" -> "JSON";
            case "set" -> "SET";
            case "geometry", "point", "linestring", "polygon", "multipoint", "multilinestring", "multipolygon",
                 "geometrycollection" -> "AS_IS";
            // MariaDB's JSON is text, copied as written so that reconciliation compares the same text.
            default -> "TEXT";
        };
    }

    private static boolean isBinary(LegacyColumn column) {
        return changeType(column).equals("BYTES");
    }

    private static boolean isFlag(LegacyColumn column) {
        String type = column.columnType().toLowerCase();
        return type.startsWith("tinyint(1)") || type.startsWith("bit(1)");
    }
}
