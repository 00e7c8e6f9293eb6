package io.lns.server.decode;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lns.l2tp.L2tpDecodeException;
import io.lns.l2tp.avp.AvpDictionary;
import io.lns.l2tp.hidden.TunnelSecret;
import io.lns.l2tp.message.L2tpPacket;
import io.lns.l2tp.message.L2tpPacketDecoder;
import io.lns.server.capture.CaptureFormatException;
import io.lns.server.capture.CaptureFrameError;
import io.lns.server.capture.CaptureReader;
import io.lns.server.capture.CaptureRecord;
import io.lns.server.capture.CapturedDatagram;
import io.netty.buffer.Unpooled;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code lns decode}: prints every L2TP packet of pcap/pcapng captures, one line each. A packet
 * that does not decode gets an error line and decoding goes on; only a file that cannot be read
 * as a capture makes the exit status non-zero.
 */
@Command(
        name = "decode",
        mixinStandardHelpOptions = true,
        description = "Decode the L2TP packets of pcap/pcapng captures, one line per packet.")
public final class DecodeCommand implements Callable<Integer> {

    @Option(names = "--port", paramLabel = "N", description = "UDP port carrying L2TP (default: ${DEFAULT-VALUE}).")
    int port = CaptureReader.L2TP_PORT;

    @Option(names = "--secret", paramLabel = "S", description = "Tunnel secret, to reveal hidden AVPs.")
    String secret;

    @Option(
            names = "--secret-file",
            paramLabel = "FILE",
            description = "Read the tunnel secret from FILE (first line).")
    Path secretFile;

    @Option(names = "--json", description = "Print JSON lines instead of text.")
    boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "Capture files (pcap or pcapng).")
    List<Path> files;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TunnelSecret tunnelSecret = secret();
        L2tpPacketDecoder decoder = L2tpPacketDecoder.standard();
        int status = 0;
        for (Path file : files) {
            if (files.size() > 1 && !json) out.println("== " + file);
            try (CaptureReader reader = CaptureReader.open(file, CaptureReader.port(port))) {
                for (CaptureRecord r = reader.next(); r != null; r = reader.next()) {
                    PacketReport report = report(r, decoder, tunnelSecret);
                    try {
                        print(out, report);
                    } finally {
                        ReferenceCountUtil.release(report.packet());
                    }
                }
            } catch (CaptureFormatException | IOException e) {
                err.println("lns decode: " + file + ": " + e.getMessage());
                status = 1;
            }
            out.flush();
        }
        return status;
    }

    private PacketReport report(CaptureRecord r, L2tpPacketDecoder decoder, TunnelSecret tunnelSecret) {
        return switch (r) {
            case CaptureFrameError e ->
                PacketReport.error(e.frameNumber(), e.timestamp(), null, null, "capture: " + e.reason());
            case CapturedDatagram d -> {
                try {
                    L2tpPacket p = decoder.decode(Unpooled.wrappedBuffer(d.payload()), tunnelSecret);
                    yield PacketReport.of(
                            d.frameNumber(), d.timestamp(), d.source(), d.destination(), p, AvpDictionary.standard());
                } catch (L2tpDecodeException e) {
                    yield PacketReport.decodeError(d.frameNumber(), d.timestamp(), d.source(), d.destination(), e);
                }
            }
        };
    }

    private void print(PrintWriter out, PacketReport report) {
        if (!json) {
            out.println(report.text());
            return;
        }
        try {
            out.println(mapper.writeValueAsString(report.json()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TunnelSecret secret() throws IOException {
        if (secretFile != null) {
            String line = Files.readAllLines(secretFile, StandardCharsets.UTF_8).stream()
                    .findFirst()
                    .orElse("");
            return TunnelSecret.of(line);
        }
        return secret == null ? null : TunnelSecret.of(secret);
    }
}
