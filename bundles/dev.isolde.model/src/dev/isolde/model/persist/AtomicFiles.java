// SPDX-License-Identifier: EPL-2.0
package dev.isolde.model.persist;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a crash at any point leaves either the old or the new content: a temporary
 * file in the same directory (same file system, so the rename is atomic), fsync, then rename and fsync of the
 * directory. A crash leaves at most a hidden {@code .NAME*.tmp} file, which never has the target's extension.
 */
public final class AtomicFiles {

	/** Writes the content of a file to a stream. */
	@FunctionalInterface
	public interface Writer {
		/** Writes everything to {@code out}; must not close it. */
		void write(OutputStream out) throws IOException;
	}

	private AtomicFiles() {
	}

	/** The replacement keeps the old file's permissions; a new file gets rw-r--r--, not the temp file's 0600. */
	private static void keepPermissions(Path target, Path tmp) throws IOException {
		if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
			return;
		}
		Set<PosixFilePermission> perms = Files.exists(target) ? Files.getPosixFilePermissions(target)
				: PosixFilePermissions.fromString("rw-r--r--");
		Files.setPosixFilePermissions(tmp, perms);
	}

	/** Replaces {@code file} with {@code content} atomically. */
	public static void write(Path file, byte[] content) throws IOException {
		write(file, out -> out.write(content));
	}

	/** Replaces {@code file} with what {@code writer} writes, atomically. */
	public static void write(Path file, Writer writer) throws IOException {
		Path target = file.toAbsolutePath();
		Path dir = target.getParent();
		Files.createDirectories(dir);
		Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
		try {
			keepPermissions(target, tmp);
			try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
				OutputStream out = Channels.newOutputStream(ch);
				writer.write(out);
				out.flush();
				ch.force(true);
			}
			Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		} finally {
			Files.deleteIfExists(tmp);
		}
		syncDirectory(dir);
	}

	/** The rename is only durable once the directory entry is on disk (fsync(2) of the directory, as rename(2) says). */
	private static void syncDirectory(Path dir) {
		try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
			ch.force(true);
		} catch (IOException e) {
			// Some file systems and platforms cannot open or sync a directory; the content itself is already synced.
		}
	}
}
