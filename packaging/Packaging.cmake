# Debian package of the two programs (cpack -G DEB), with the desktop entry and icon.
install(FILES ${CMAKE_CURRENT_LIST_DIR}/nr1-console.desktop DESTINATION share/applications)
install(FILES ${PROJECT_SOURCE_DIR}/resources/icons/nr1.svg
        DESTINATION share/icons/hicolor/scalable/apps)

set(CPACK_PACKAGE_NAME nr1)
set(CPACK_PACKAGE_CONTACT "nr1 maintainers")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "Console and CLI for Linux-IO Network RAID1 node pairs")
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# Loaded at run time, so shlibdeps cannot see it: the SVG icon and image plugins.
set(CPACK_DEBIAN_PACKAGE_DEPENDS "libqt6svg6")
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
include(CPack)
