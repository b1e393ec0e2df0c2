package com.marketbridge.adapter.jdbc;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's disk with two faults of a real one, switched on and off by the test: every write fails as on a full disk, and
 * files H2 may not write, as when they belong to another user. It also counts the times H2 asked the system to put a
 * file's writes on the device ({@link #forces}): until then a power loss can take them back. The journal reaches it
 * through its storage's scheme ({@link #storage}); the switches are global, for one test at a time.
 */
public final class FaultyDisk extends FilePathWrapper {

    private static final String SCHEME = "faulty";
    private static volatile boolean full;
    private static volatile boolean protectedFiles;
    private static final AtomicLong FORCES = new AtomicLong();

    static {
        FilePath.register(new FaultyDisk());
    }

    /** H2 makes one per path. */
    public FaultyDisk() {
    }

    /** The journal in the folder, on this disk. */
    public static JournalStorage storage(Path folder) {
        return new JournalStorage(folder, SCHEME);
    }

    /** From now on every write fails with the system's "No space left on device". */
    public static void fill() {
        full = true;
    }

    public static void free() {
        full = false;
    }

    /** From now on H2 may not write the files it opens: it opens them read-only. */
    public static void protectFiles() {
        protectedFiles = true;
    }

    /** How many times a file's writes were forced to the device so far. */
    public static long forces() {
        return FORCES.get();
    }

    /** No fault: call it after each test. */
    public static void repair() {
        full = false;
        protectedFiles = false;
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public boolean canWrite() {
        return !protectedFiles && super.canWrite();
    }

    @Override
    public FileChannel open(String mode) throws IOException {
        return new Channel(super.open(mode));
    }

    private static final class Channel extends FileBase {

        private final FileChannel disk;

        Channel(FileChannel disk) {
            this.disk = disk;
        }

        private static void checkSpace() throws IOException {
            if (full) {
                throw new IOException("No space left on device");
            }
        }

        @Override
        public int write(ByteBuffer source) throws IOException {
            checkSpace();
            return disk.write(source);
        }

        @Override
        public int write(ByteBuffer source, long position) throws IOException {
            checkSpace();
            return disk.write(source, position);
        }

        @Override
        public FileChannel truncate(long size) throws IOException {
            checkSpace();
            disk.truncate(size);
            return this;
        }

        @Override
        public void force(boolean metaData) throws IOException {
            checkSpace();
            disk.force(metaData);
            FORCES.incrementAndGet();
        }

        @Override
        public int read(ByteBuffer target) throws IOException {
            return disk.read(target);
        }

        @Override
        public int read(ByteBuffer target, long position) throws IOException {
            return disk.read(target, position);
        }

        @Override
        public long position() throws IOException {
            return disk.position();
        }

        @Override
        public FileChannel position(long position) throws IOException {
            disk.position(position);
            return this;
        }

        @Override
        public long size() throws IOException {
            return disk.size();
        }

        @Override
        public FileLock tryLock(long position, long size, boolean shared) throws IOException {
            return disk.tryLock(position, size, shared);
        }

        @Override
        protected void implCloseChannel() throws IOException {
            disk.close();
        }
    }
}
