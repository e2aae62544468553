#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace aantafel::interchange {

/// A QR code symbol: `size` x `size` modules, without the quiet zone.
struct QrCode {
  int size = 0;
  std::vector<bool> modules;  ///< row-major, size * size, true = dark

  bool Dark(int row, int column) const {
    return modules[static_cast<std::size_t>(row) * static_cast<std::size_t>(size) +
                   static_cast<std::size_t>(column)];
  }
};

/// A QR code of `text` (byte mode, error correction M, the smallest version that fits;
/// libqrencode). Throws std::invalid_argument when text is empty or too long for a QR code (more
/// than 2331 bytes).
QrCode EncodeQr(std::string_view text);

/// SVG with a viewBox in modules (size + 8: a 4-module quiet zone on every side), a white
/// background, one <path> of dark squares, shape-rendering crispEdges, and <title> = `title`
/// XML-escaped. No width or height, so it scales to whatever box it is put in.
std::string QrSvg(const QrCode& code, std::string_view title);

/// PNG bytes: greyscale, 1 bit per pixel, `scale` pixels per module, a 4-module quiet zone, so the
/// image is (size + 8) * scale pixels square. Throws std::invalid_argument unless 1 <= scale <= 40.
std::string QrPng(const QrCode& code, int scale);

}  // namespace aantafel::interchange
