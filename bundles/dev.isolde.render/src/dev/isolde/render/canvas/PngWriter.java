// SPDX-License-Identifier: EPL-2.0
package dev.isolde.render.canvas;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import dev.isolde.model.persist.AtomicFiles;

/** Encodes pictures as PNG, into memory or atomically into a file. */
public final class PngWriter {

	private PngWriter() {
	}

	/** The PNG encoding of {@code image}. */
	public static byte[] encode(BufferedImage image) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		if (!ImageIO.write(image, "png", out)) {
			throw new IOException("this Java runtime has no PNG encoder");
		}
		return out.toByteArray();
	}

	/** Replaces {@code file} with the PNG of {@code image}: temporary file, fsync, rename. */
	public static void write(BufferedImage image, Path file) throws IOException {
		AtomicFiles.write(file, encode(image));
	}
}
