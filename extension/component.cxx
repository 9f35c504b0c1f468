/* -*- Mode: C++ -*- */
/*
 * This Source Code Form is subject to the terms of the Mozilla Public
 * License, v. 2.0. If a copy of the MPL was not distributed with this
 * file, You can obtain one at http://mozilla.org/MPL/2.0/.
 */
// component.cxx — the shared library's registration entry points.
//
// Classic registration (component_getFactory over an implementation-entry table)
// rather than constructor= in factlens.components: constructor-style components
// cannot be created after a live install until the office restarts (measured,
// docs/extension.md). Every implementation listed here must also be listed in
// manifests/factlens.components.
#include <uno/lbnames.h>

#include <cppuhelper/factory.hxx>
#include <cppuhelper/implementationentry.hxx>

#include "common/log.hxx"
#include "dispatch.hxx"
#include "options/options_page.hxx"
#include "sidebar/panelfactory.hxx"

namespace
{
using namespace factlens::office;

const ::cppu::ImplementationEntry kEntries[] = {
    { ProtocolHandler_create, ProtocolHandler_getImplementationName,
      ProtocolHandler_getSupportedServiceNames, ::cppu::createSingleComponentFactory, nullptr,
      0 },
    // Options page handler (options/options_page.cxx).
    { OptionsHandler_create, OptionsHandler_getImplementationName,
      OptionsHandler_getSupportedServiceNames, ::cppu::createSingleComponentFactory, nullptr,
      0 },
    { PanelFactory_create, PanelFactory_getImplementationName,
      PanelFactory_getSupportedServiceNames, ::cppu::createSingleComponentFactory, nullptr, 0 },
    { nullptr, nullptr, nullptr, nullptr, nullptr, 0 }
};
}

extern "C" {
SAL_DLLPUBLIC_EXPORT void* SAL_CALL component_getFactory(const char* implName,
                                                         void* serviceManager,
                                                         void* registryKey)
{
    try
    {
        return ::cppu::component_getFactoryHelper(implName, serviceManager, registryKey, kEntries);
    }
    catch (...)
    {
        factlens::office::logException("component_getFactory");
        return nullptr;
    }
}

SAL_DLLPUBLIC_EXPORT void SAL_CALL
component_getImplementationEnvironment(const char** envTypeName, uno_Environment** /*env*/)
{
    *envTypeName = CPPU_CURRENT_LANGUAGE_BINDING_NAME;
}
}
