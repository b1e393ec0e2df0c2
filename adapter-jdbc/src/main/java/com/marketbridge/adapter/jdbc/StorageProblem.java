package com.marketbridge.adapter.jdbc;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import org.h2.api.ErrorCode;

/**
 * Words a storage failure in a few words: H2 wraps the system's "No space left on device" three or four exceptions
 * deep under "General error" or "IO Exception", and its own messages carry the SQL statement.
 */
final class StorageProblem {

    private StorageProblem() {
    }

    /** The problem without a path, fit for the buyer's answer. */
    static String of(Throwable failure) {
        IOException io = deepest(failure, IOException.class);
        if (io != null) {
            return of(io);
        }
        SQLException sql = deepest(failure, SQLException.class);
        if (sql != null && sql.getErrorCode() == ErrorCode.DATABASE_IS_READ_ONLY) {
            return "the journal is read-only";
        }
        if (sql != null && sql.getErrorCode() == ErrorCode.DATABASE_IS_CLOSED) {
            return "the database closed after a failed write";
        }
        String message = String.valueOf((sql != null ? sql : failure).getMessage());
        return message.lines().findFirst().orElse(message);
    }

    /** The problem and the file it happened to, when the system named one: for the operator. */
    static String at(Throwable failure) {
        FileSystemException file = deepest(failure, FileSystemException.class);
        return file == null || file.getFile() == null ? of(failure) : of(failure) + ": " + file.getFile();
    }

    private static String of(IOException io) {
        if (io instanceof FileSystemException file && file.getReason() != null) {
            return file.getReason();
        }
        if (io instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (io instanceof NoSuchFileException) {
            return "no such file or folder";
        }
        if (io instanceof FileAlreadyExistsException) {
            return "a file is in the way";
        }
        return io instanceof FileSystemException ? io.getClass().getSimpleName() : String.valueOf(io.getMessage());
    }

    private static <T extends Throwable> T deepest(Throwable failure, Class<T> kind) {
        T found = null;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (kind.isInstance(cause)) {
                found = kind.cast(cause);
            }
        }
        return found;
    }
}
