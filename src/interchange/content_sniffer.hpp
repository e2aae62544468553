#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "core/documents/ports.hpp"

namespace aantafel::interchange {

/// ContentSniffer on libmagic (Debian's libmagic1 with its compiled database): the MIME type of
/// a file from its first megabyte. Compressed files are not opened (no zip bomb can unfold here)
/// and libmagic's own limits on recursion and regex work are kept small. Thread-safe: one
/// handle, used under a mutex (uploads are rare next to everything else).
class MagicSniffer final : public core::documents::ContentSniffer {
 public:
  /// Throws std::runtime_error when libmagic or its database cannot be loaded.
  MagicSniffer();
  ~MagicSniffer() override;
  MagicSniffer(const MagicSniffer&) = delete;
  MagicSniffer& operator=(const MagicSniffer&) = delete;

  std::string Sniff(std::string_view bytes) override;

 private:
  struct Handle;
  std::unique_ptr<Handle> handle_;
  std::mutex mutex_;
};

}  // namespace aantafel::interchange
