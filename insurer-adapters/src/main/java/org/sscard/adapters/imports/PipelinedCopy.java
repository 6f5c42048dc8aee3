package org.sscard.adapters.imports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.copy.CopyIn;

/**
 * Reads and checks rows on one thread while this one writes the COPY stream to the database, so that parsing and
 * the server's work overlap instead of taking turns. The connection (and its transaction) stays on the calling
 * thread; a failure on either side ends both, cancels the COPY and is thrown here.
 */
final class PipelinedCopy {

    /** Produces COPY text into the writer it is given; runs on the reading thread. */
    @FunctionalInterface
    interface Producer {
        void produce(CopyWriter writer) throws IOException, SQLException, InterruptedException;
    }

    private static final byte[] END = new byte[0];

    private PipelinedCopy() {}

    /** Runs {@code producer}; its chunks go into {@code copy}. Returns normally only when every chunk was sent. */
    static void run(CopyIn copy, Producer producer) throws SQLException {
        BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
        Throwable[] failure = new Throwable[1];
        // set when this side stops taking chunks: the reader must then not wait to hand over its last one
        AtomicBoolean abandoned = new AtomicBoolean();
        Thread reader = new Thread(
                () -> {
                    try {
                        CopyWriter writer = new CopyWriter(chunks::put);
                        producer.produce(writer);
                        writer.flush();
                    } catch (Throwable e) {
                        failure[0] = e;
                    } finally {
                        try {
                            while (!abandoned.get() && !chunks.offer(END, 100, TimeUnit.MILLISECONDS)) {
                                // the writer is still sending; it takes END once there is room
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                },
                "import-reader");
        reader.start();
        try {
            for (byte[] chunk = chunks.take(); chunk != END; chunk = chunks.take()) {
                copy.writeToCopy(chunk, 0, chunk.length);
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandoned.set(true);
            reader.interrupt();
            failure[0] = e;
        } catch (SQLException | RuntimeException e) {
            abandoned.set(true);
            reader.interrupt();
            cancel(copy);
            throw e;
        }
        if (failure[0] != null) {
            cancel(copy);
            Throwable e = failure[0];
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e instanceof SQLException sql) {
                throw sql;
            }
            if (e instanceof IOException io) {
                throw new UncheckedIOException(io);
            }
            throw new IllegalStateException("the import's reader failed", e);
        }
    }

    /** Ends a copy that cannot finish, so that the transaction can roll back on a usable connection. */
    static void cancel(CopyIn copy) {
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException ignored) {
            // the connection is broken; the transaction rolls back with it
        }
    }
}
