package io.voucherify.spring.test;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A streaming RFC 4180 reader: comma-separated fields, double-quoted fields that may hold
 * commas, quotes ({@code ""}) and line breaks, and records ended by CRLF, LF or CR. Reads
 * one record at a time, so a file is never held whole in memory.
 */
final class CsvParser {

	private final Reader reader;

	private int line = 1;

	private int recordLine = 1;

	private int pushedBack = -2;

	private boolean first = true;

	CsvParser(Reader reader) {
		this.reader = reader;
	}

	/**
	 * Read the next record.
	 * @return its fields, or {@code null} at the end of the input
	 * @throws IOException on a read failure or an unterminated quoted field
	 */
	@Nullable List<String> next() throws IOException {
		int c = read();
		if (c == -1) {
			return null;
		}
		this.recordLine = this.line;
		List<String> fields = new ArrayList<>();
		StringBuilder field = new StringBuilder();
		boolean quoted = false;
		boolean fieldStart = true;
		while (true) {
			if (quoted) {
				if (c == -1) {
					throw new CsvFormatException(
							"Line " + this.recordLine + ": a quoted field is not closed before the end of the file");
				}
				if (c == '"') {
					int next = read();
					if (next == '"') {
						field.append('"');
					}
					else {
						quoted = false;
						unread(next);
					}
				}
				else {
					if (c == '\n') {
						this.line++;
					}
					field.append((char) c);
				}
			}
			else if (c == -1 || c == '\n' || c == '\r') {
				fields.add(field.toString());
				if (c == '\r') {
					int next = read();
					if (next != '\n') {
						unread(next);
					}
				}
				if (c != -1) {
					this.line++;
				}
				return fields;
			}
			else if (c == ',') {
				fields.add(field.toString());
				field.setLength(0);
				fieldStart = true;
				c = read();
				continue;
			}
			else if (c == '"' && fieldStart) {
				quoted = true;
			}
			else {
				field.append((char) c);
			}
			fieldStart = false;
			c = read();
		}
	}

	private int read() throws IOException {
		if (this.pushedBack != -2) {
			int c = this.pushedBack;
			this.pushedBack = -2;
			return c;
		}
		int c = this.reader.read();
		if (this.first) {
			this.first = false;
			if (c == '\uFEFF') {
				c = this.reader.read();
			}
		}
		return c;
	}

	private void unread(int c) {
		this.pushedBack = c;
	}

	/** The input is not well-formed CSV. */
	static final class CsvFormatException extends IOException {

		private static final long serialVersionUID = 1L;

		CsvFormatException(String message) {
			super(message);
		}

	}

}
