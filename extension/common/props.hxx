/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// props.hxx — reading one property without caring why it failed, the document's own
// properties, and timing.
//
//   bool bOn = getProp<bool>(xProps, "HeaderIsOn", false); // fallback if absent/void
//   auto xUser = userProperties(xModel); // File > Properties > Custom Properties
//   const auto t0 = std::chrono::steady_clock::now(); ...; logTrace("%.1f ms", msSince(t0));
#ifndef INCLUDED_FACTLENS_EXTENSION_COMMON_PROPS_HXX
#define INCLUDED_FACTLENS_EXTENSION_COMMON_PROPS_HXX

#include <chrono>

#include <com/sun/star/beans/XPropertyContainer.hpp>
#include <com/sun/star/beans/XPropertySet.hpp>
#include <com/sun/star/document/XDocumentProperties.hpp>
#include <com/sun/star/document/XDocumentPropertiesSupplier.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/uno/Reference.hxx>
#include <rtl/ustring.hxx>

namespace factlens::office
{
/// The value of property `name`, or `fallback` if it is missing, void or of another type.
template <typename T>
T getProp(const css::uno::Reference<css::beans::XPropertySet>& xProps, const char* name, T fallback)
{
    try
    {
        T value = fallback;
        if (xProps->getPropertyValue(::rtl::OUString::createFromAscii(name)) >>= value)
            return value;
    }
    catch (const css::uno::Exception&)
    {
    }
    return fallback;
}

/// The user-defined properties of the document (where the Verified marks and the
/// sources list are kept); null if it has none.
inline css::uno::Reference<css::beans::XPropertyContainer>
userProperties(const css::uno::Reference<css::frame::XModel>& xModel)
{
    css::uno::Reference<css::document::XDocumentPropertiesSupplier> xSupplier(
        xModel, css::uno::UNO_QUERY);
    if (!xSupplier.is())
        return nullptr;
    css::uno::Reference<css::document::XDocumentProperties> xProps
        = xSupplier->getDocumentProperties();
    return xProps.is() ? xProps->getUserDefinedProperties() : nullptr;
}

/// Milliseconds since `t0`.
inline double msSince(std::chrono::steady_clock::time_point t0)
{
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}
}

#endif
